<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/about.py" line="15"/>
        <source>About posdesk</source>
        <translation>关于 posdesk</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/about.py" line="18"/>
        <source>posdesk {version}</source>
        <translation>posdesk {version}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/about.py" line="21"/>
        <source>Built {date}</source>
        <translation>构建于 {date}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/about.py" line="21"/>
        <source>Running from source</source>
        <translation>从源代码运行</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/about.py" line="25"/>
        <source>Part</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/about.py" line="25"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/about.py" line="25"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/about.py" line="31"/>
        <source>posdesk&apos;s own code is proprietary. Because the bundled FFmpeg includes x264 (GPL), this binary as a whole is licensed under {licence}; the corresponding source is available from your supplier.</source>
        <translation>posdesk 自身的代码为专有代码。由于捆绑的 FFmpeg 包含 x264（GPL），本二进制程序整体按 {licence} 许可发布；相应源代码可向您的供应商索取。</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/amount.py" line="73"/>
        <source>Enter a number.</source>
        <extracomment>Digits with at most one decimal separator (comma or point) and up to three decimals.</extracomment>
        <translation>请输入数字。</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="53"/>
        <source>Manager approval</source>
        <translation>经理授权</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="55"/>
        <source>A manager must approve:</source>
        <translation>需要经理授权：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="105"/>
        <source>Manager PIN:</source>
        <translation>经理 PIN：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="107"/>
        <source>Manager: choose your name, then type your PIN</source>
        <translation>经理：请选择您的姓名，然后输入 PIN</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="109"/>
        <source>PIN for {name}:</source>
        <translation>{name} 的 PIN：</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="31"/>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="48"/>
        <source>Camera</source>
        <extracomment>How often the page looks for a new picture or level. Camera choices offered besides what the installer types (devices are numbered by the OS).</extracomment>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="32"/>
        <source>Aim the cashier-side camera at the counter. Empty means the test pattern. A second camera (customer side) is optional.</source>
        <translation>将收银员侧摄像头对准柜台。留空表示使用测试图案。第二摄像头（顾客侧）可选。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="36"/>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="39"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="49"/>
        <source>Second camera</source>
        <translation>第二摄像头</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="66"/>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="82"/>
        <source>test pattern</source>
        <translation>测试图案</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="83"/>
        <source>Opening {camera}…</source>
        <translation>正在打开 {camera}…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="100"/>
        <source>No picture: {error}</source>
        <translation>无画面：{error}</translation>
    </message>
</context>
<context>
    <name>CardFlow</name>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="140"/>
        <source>Cancelling at the terminal…</source>
        <extracomment>No card payment going on: cash or card may be taken. The terminal has the payment (customer inserting the card, typing the PIN). The cashier cancelled; waiting for the terminal to confirm. The answer was lost: the card may have been charged. Only a check may follow. Asking the terminal what became of an unknown payment. The card was declined: try again or pay another way. Undoing an approved card payment. The terminal&apos;s latest status, translated, and its own display lines. The outcome of the last card action, for the cashier; `warning` when it went wrong.</extracomment>
        <translation>正在终端上取消…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="151"/>
        <source>Asking the terminal…</source>
        <translation>正在询问终端…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="187"/>
        <source>Card payment reversed: {amount} back to the card.</source>
        <translation>刷卡付款已撤销：{amount} 已退回银行卡。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="189"/>
        <source>The terminal confirms: the card was charged {amount}.</source>
        <translation>终端确认：已从银行卡扣款 {amount}。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="191"/>
        <source>Paid out to the card: {amount}.</source>
        <translation>已退款到银行卡：{amount}。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="192"/>
        <source>Card approved: {amount}.</source>
        <translation>刷卡成功：{amount}。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="195"/>
        <source>Card declined: {reason}</source>
        <translation>刷卡被拒：{reason}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="197"/>
        <source>Card payment cancelled; nothing was charged.</source>
        <translation>刷卡付款已取消，未扣款。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="199"/>
        <source>The terminal confirms: the card was not charged. The payment can be taken again.</source>
        <translation>终端确认：银行卡未被扣款。可以重新收款。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="202"/>
        <source>Result unknown — the card may have been charged.</source>
        <translation>结果未知——银行卡可能已被扣款。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_flow.py" line="215"/>
        <source>Waiting for the terminal…</source>
        <translation>等待终端…</translation>
    </message>
</context>
<context>
    <name>CardPanel</name>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="30"/>
        <source>Cancel card payment (Esc)</source>
        <translation>取消刷卡 (Esc)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="31"/>
        <source>Check with terminal (Enter)</source>
        <translation>向终端核实 (Enter)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="32"/>
        <source>Try again (F11)</source>
        <translation>重试 (F11)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="33"/>
        <source>Pay another way (Esc)</source>
        <translation>改用其他方式 (Esc)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="34"/>
        <source>Resolve as manager…</source>
        <translation>由经理处理…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="61"/>
        <source>Refund to card {amount}</source>
        <translation>退款到银行卡 {amount}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="62"/>
        <source>Card payment {amount}</source>
        <translation>刷卡付款 {amount}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="65"/>
        <source>Result unknown — the card may have been charged.</source>
        <translation>结果未知——银行卡可能已被扣款。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="67"/>
        <source>Do not take this payment again. Check with the terminal first: it knows whether the card was charged.</source>
        <translation>请勿重复收款。请先向终端核实：终端知道银行卡是否已被扣款。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="71"/>
        <source>Checking {amount} with the terminal</source>
        <translation>正在向终端核实 {amount}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="73"/>
        <source>Card declined</source>
        <translation>刷卡被拒</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/card_panel.py" line="75"/>
        <source>Reversing card payment {amount}</source>
        <translation>正在撤销刷卡付款 {amount}</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="72"/>
        <source>#</source>
        <extracomment>Colour of voided lines&apos; text. The role that returns the line id of a row.</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="73"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="74"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="75"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="76"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="117"/>
        <source>(voided)</source>
        <translation>（已作废）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="120"/>
        <source>(-{percent}%)</source>
        <translation>（-{percent}%）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="122"/>
        <source>(-{amount})</source>
        <translation>（-{amount}）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="124"/>
        <source>(price changed)</source>
        <translation>（已改价）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="126"/>
        <source>(return)</source>
        <translation>（退货）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/cart_model.py" line="131"/>
        <source>Catalog price {price}</source>
        <translation>目录价格 {price}</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <location filename="../../posdesk/services/checkout.py" line="212"/>
        <source>Say where it was checked (terminal journal, end-of-day report).</source>
        <extracomment>Notes the till hands out, largest first, for the quick-cash buttons (major units). Extra observers of every journal event (the recorder&apos;s cue track, for one). Adds the evidence chain head to a closing Z report (set by the composition root).</extracomment>
        <translation>请说明在哪里核对过（终端流水、日结报告）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/checkout.py" line="221"/>
        <source>This card payment is already settled.</source>
        <translation>这笔刷卡付款已经处理完毕。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/checkout.py" line="282"/>
        <location filename="../../posdesk/services/checkout.py" line="290"/>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="177"/>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="109"/>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="130"/>
        <source>Finish or park the current sale first.</source>
        <translation>请先完成或挂起当前交易。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/checkout.py" line="294"/>
        <source>No sale with receipt number {no}.</source>
        <translation>没有小票号为 {no} 的交易。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/checkout.py" line="355"/>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="132"/>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="207"/>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="237"/>
        <source>There is no open sale.</source>
        <translation>当前没有进行中的交易。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/checkout.py" line="363"/>
        <location filename="../../posdesk/ui/main_window.py" line="141"/>
        <source>The last sale is still being saved; wait until its receipt prints.</source>
        <translation>上一笔销售仍在保存中；请等小票打印出来。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/completion.py" line="57"/>
        <source>The disk is full: the sale is not saved yet. Free some space; the receipt prints and the drawer opens once it is saved.</source>
        <translation>磁盘已满：这笔销售尚未保存。请释放一些空间；保存后才会打印小票并打开钱箱。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/completion.py" line="61"/>
        <source>The sale is not saved yet ({error}). The receipt prints and the drawer opens once it is saved.</source>
        <translation>这笔销售尚未保存（{error}）。保存后才会打印小票并打开钱箱。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/completion.py" line="71"/>
        <source>The disk is full: the sale is kept and saved once space is freed.</source>
        <translation>磁盘已满：销售已保留，释放空间后即会保存。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/completion.py" line="73"/>
        <source>Saving to the database failed; the sale is kept and will be saved again.</source>
        <translation>保存到数据库失败；交易已保留，将再次保存。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="97"/>
        <source>Select a line first.</source>
        <translation>请先选择一行。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="121"/>
        <source>Use Void line to remove the last one.</source>
        <translation>请使用“作废行”删除最后一件。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="142"/>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="160"/>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="78"/>
        <source>That is not an amount.</source>
        <translation>这不是有效金额。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="168"/>
        <source>Sale parked.</source>
        <translation>交易已挂起。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="210"/>
        <source>Reverse the card payment first: open the payment (F10) and choose Reverse.</source>
        <translation>请先撤销刷卡付款：打开付款（F10）并选择“撤销”。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="90"/>
        <source>Shift opened.</source>
        <translation>班次已开始。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="99"/>
        <source>Cash movement recorded.</source>
        <translation>现金存取已记录。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="126"/>
        <source>Drawer opened.</source>
        <translation>钱箱已打开。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/device_intents.py" line="55"/>
        <source>Reprinting the last receipt.</source>
        <translation>正在重印上一张小票。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/device_intents.py" line="59"/>
        <source>Printing the waiting receipts.</source>
        <translation>正在打印待打印的小票。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/device_intents.py" line="63"/>
        <source>Printing the report.</source>
        <translation>正在打印报表。</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="73"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="74"/>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="75"/>
        <source>Void line</source>
        <translation>作废行</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="76"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="77"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="78"/>
        <source>One more</source>
        <translation>加一</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="79"/>
        <source>One less</source>
        <translation>减一</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="80"/>
        <source>Park sale</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="81"/>
        <source>Resume</source>
        <translation>取单</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="82"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="83"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="72"/>
        <source>Shift</source>
        <extracomment>Width of the right-hand column (preview, totals, keypad).</extracomment>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="84"/>
        <source>Card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="85"/>
        <source>Void sale</source>
        <translation>整单作废</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="86"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/checkout_screen.py" line="86"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>DeviceHub</name>
    <message>
        <location filename="../../posdesk/ui/devices/hub.py" line="98"/>
        <source>Card terminal (simulated)</source>
        <extracomment>The card terminal&apos;s name in the status bar.</extracomment>
        <translation>刷卡终端（模拟）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/hub.py" line="100"/>
        <source>Card terminal on {port}</source>
        <translation>刷卡终端：{port}</translation>
    </message>
</context>
<context>
    <name>DeviceIntents</name>
    <message>
        <location filename="../../posdesk/ui/checkout/device_intents.py" line="77"/>
        <source>Change the device settings</source>
        <translation>更改设备设置</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="65"/>
        <source>Device settings</source>
        <extracomment>The devices on this page, by their config section. Which device a detected kind is. A ZVT password is six digits (three BCD bytes).</extracomment>
        <translation>设备设置</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="78"/>
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="78"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="89"/>
        <source>More ports to probe: paths or URLs, comma separated</source>
        <translation>其他要探测的端口：路径或 URL，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="90"/>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="105"/>
        <source>Save and apply</source>
        <translation>保存并应用</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="117"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="167"/>
        <source>Card terminal (ZVT)</source>
        <translation>刷卡终端（ZVT）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="167"/>
        <source>Receipt printer (ESC/POS)</source>
        <translation>小票打印机（ESC/POS）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="168"/>
        <source>Barcode scanner (serial)</source>
        <translation>条码扫描器（串口）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="183"/>
        <source>in use by this lane ({device})</source>
        <translation>本收银台正在使用（{device}）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="131"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="109"/>
        <source>Setup wizard…</source>
        <translation>安装向导…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="113"/>
        <source>About…</source>
        <translation>关于…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="132"/>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="134"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="136"/>
        <source>Printer model</source>
        <translation>打印机型号</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="145"/>
        <source>Camera recording</source>
        <translation>摄像录制</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="163"/>
        <source>Video encoder: the recorder is not running.</source>
        <translation>视频编码器：录制程序未运行。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="164"/>
        <source>Video encoder: {encoder}</source>
        <translation>视频编码器：{encoder}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="178"/>
        <source>Probing the serial ports…</source>
        <translation>正在探测串口…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="196"/>
        <source>Found on {port} at {baud} baud</source>
        <translation>已在 {port} 找到，波特率 {baud}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="199"/>
        <source>No serial ports found.</source>
        <translation>未找到串口。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="203"/>
        <source>card terminal (ZVT) at {baud} baud</source>
        <translation>刷卡终端（ZVT），波特率 {baud}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="205"/>
        <source>receipt printer (ESC/POS) at {baud} baud</source>
        <translation>小票打印机（ESC/POS），波特率 {baud}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="207"/>
        <source>cannot be probed ({error})</source>
        <translation>无法探测（{error}）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="208"/>
        <source>nothing answered</source>
        <translation>无应答</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="223"/>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="245"/>
        <source>Finish or park the current sale first.</source>
        <translation>请先完成或挂起当前销售。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="226"/>
        <source>The terminal password has six digits.</source>
        <translation>终端密码为六位数字。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="236"/>
        <source>The settings could not be applied: {error}</source>
        <translation>无法应用设置：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/settings_dialog.py" line="239"/>
        <source>Saved. The devices were restarted with these settings.</source>
        <translation>已保存。设备已按这些设置重新启动。</translation>
    </message>
</context>
<context>
    <name>DeviceTests</name>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="32"/>
        <source>Tests (with the saved settings)</source>
        <translation>测试（使用已保存的设置）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="37"/>
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="38"/>
        <source>Terminal registration test</source>
        <translation>终端登记测试</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="40"/>
        <source>Open drawer</source>
        <translation>打开钱箱</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="66"/>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="95"/>
        <source>No receipt printer is set up.</source>
        <translation>未设置小票打印机。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="68"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="69"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="70"/>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="71"/>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="73"/>
        <source>Printing a test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="74"/>
        <source>Test page</source>
        <translation>测试页</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="81"/>
        <source>The test page printed.</source>
        <translation>测试页已打印。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="84"/>
        <source>The test page did not print: {problem}</source>
        <translation>测试页未打印：{problem}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="99"/>
        <source>Drawer pulse sent.</source>
        <translation>已发送开钱箱脉冲。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="105"/>
        <source>No card terminal is set up.</source>
        <translation>未设置刷卡终端。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="108"/>
        <source>The terminal is busy with a payment.</source>
        <translation>终端正在处理付款。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="110"/>
        <source>Registering at the terminal…</source>
        <translation>正在向终端登记…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="117"/>
        <source>The terminal accepted the registration (terminal ID {tid}).</source>
        <translation>终端已接受登记（终端号 {tid}）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="120"/>
        <source>The terminal refused: {reason}</source>
        <translation>终端拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/device_tests.py" line="122"/>
        <source>Registration failed: {error}</source>
        <translation>登记失败：{error}</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <location filename="../../posdesk/services/devices.py" line="122"/>
        <source>Scanner on {port}: {error}</source>
        <extracomment>Human-readable port per device, for the status bar and the settings page.</extracomment>
        <translation>{port} 上的扫描枪：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="230"/>
        <location filename="../../posdesk/ui/errors.py" line="30"/>
        <source>No card terminal is set up on this lane.</source>
        <translation>本收银台未设置刷卡终端。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/errors.py" line="35"/>
        <source>No receipt printer is set up on this lane.</source>
        <translation>本收银台未设置小票打印机。</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="50"/>
        <source>Card terminal and receipt printer</source>
        <translation>刷卡终端和小票打印机</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="52"/>
        <source>Detect probes the serial ports. Then print a test page and register at the terminal.</source>
        <translation>“检测”会探测各串口。然后打印测试页并在终端上注册。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="55"/>
        <source>More ports to probe: paths or URLs, comma separated</source>
        <translation>其他要探测的端口：路径或 URL，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="56"/>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="63"/>
        <source>Register at the terminal</source>
        <translation>在终端上注册</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="70"/>
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="93"/>
        <source>Card terminal (ZVT)</source>
        <translation>刷卡终端 (ZVT)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="95"/>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="101"/>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="158"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="96"/>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="102"/>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="97"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="99"/>
        <source>Receipt printer (ESC/POS)</source>
        <translation>小票打印机 (ESC/POS)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="103"/>
        <source>Printer model</source>
        <translation>打印机型号</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="127"/>
        <source>Probing the serial ports…</source>
        <translation>正在探测串口…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="140"/>
        <source>Card terminal found on {port} at {baud} baud</source>
        <translation>在 {port} 上找到刷卡终端，波特率 {baud}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="146"/>
        <source>Receipt printer found on {port} at {baud} baud</source>
        <translation>在 {port} 上找到小票打印机，波特率 {baud}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="148"/>
        <source>No terminal or printer answered.</source>
        <translation>没有终端或打印机应答。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="154"/>
        <source>Pick the printer&apos;s port first.</source>
        <translation>请先选择打印机端口。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="157"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="157"/>
        <source>Lane</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="159"/>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="160"/>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="161"/>
        <source>Test page</source>
        <translation>测试页</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="164"/>
        <source>Printing a test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="169"/>
        <source>Pick the terminal&apos;s port first.</source>
        <translation>请先选择终端端口。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="121"/>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="172"/>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="200"/>
        <source>The terminal password has six digits.</source>
        <translation>终端密码为六位数字。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="177"/>
        <source>Registering at the terminal…</source>
        <translation>正在终端上注册…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="183"/>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="188"/>
        <source>The test page did not print: {problem}</source>
        <translation>测试页未打印：{problem}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="185"/>
        <source>The test page printed.</source>
        <translation>测试页已打印。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="193"/>
        <source>Registration failed: {error}</source>
        <translation>注册失败：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="195"/>
        <source>The terminal accepted the registration (terminal ID {tid}).</source>
        <translation>终端已接受注册（终端号 {tid}）。</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/discount.py" line="21"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/discount.py" line="22"/>
        <source>Discount in percent or as an amount</source>
        <translation>按百分比或金额打折</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/discount.py" line="25"/>
        <source>Percent (F1)</source>
        <translation>百分比 (F1)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/discount.py" line="27"/>
        <source>Amount (F2)</source>
        <translation>金额 (F2)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/discount.py" line="30"/>
        <source>Line: {name} (F3)</source>
        <translation>本行：{name} (F3)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/discount.py" line="33"/>
        <source>Whole sale (F4)</source>
        <translation>整单 (F4)</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../posdesk/core/entry.py" line="29"/>
        <source>&quot;{text}&quot; is not a quantity.</source>
        <translation>“{text}”不是有效数量。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/errors.py" line="10"/>
        <source>This action is not allowed now.</source>
        <translation>当前不允许此操作。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/errors.py" line="23"/>
        <source>Barcode {code} is misread (bad check digit). Scan again.</source>
        <translation>条码 {code} 识别错误（校验位不符），请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/errors.py" line="24"/>
        <source>Nothing was entered.</source>
        <translation>未输入任何内容。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/errors.py" line="26"/>
        <source>Unknown item: {code}</source>
        <translation>未知商品：{code}</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/errors.py" line="35"/>
        <source>Not possible while the sale is {state}.</source>
        <translation>交易处于 {state} 状态时无法执行。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/errors.py" line="46"/>
        <source>A manager must approve this.</source>
        <translation>此操作需要经理授权。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/errors.py" line="55"/>
        <source>{name}: confirm the customer is {age} or older.</source>
        <translation>{name}：请确认顾客已满 {age} 岁。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="163"/>
        <source>No such line.</source>
        <extracomment>Quantity already brought back by earlier returns. The line&apos;s amount after line and sale discounts, for a fair refund per unit.</extracomment>
        <translation>没有这一行。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="169"/>
        <source>No such payment.</source>
        <translation>没有这笔付款。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="179"/>
        <source>{name} is not for sale.</source>
        <translation>{name} 不可销售。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="203"/>
        <source>Only {qty} of {name} can be returned.</source>
        <translation>{name} 最多只能退 {qty}。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="237"/>
        <source>A price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="258"/>
        <source>Add an item first.</source>
        <translation>请先添加商品。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="265"/>
        <source>A payment was made; finish or void the sale.</source>
        <translation>已有付款；请完成或作废该交易。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="282"/>
        <source>Enter the cash received.</source>
        <translation>请输入收到的现金。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="300"/>
        <source>The card amount must be between 0 and {rest}.</source>
        <translation>刷卡金额必须在 0 到 {rest} 之间。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="326"/>
        <source>{rest} is still to be paid.</source>
        <translation>还需支付 {rest}。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="336"/>
        <source>Reverse the card payment before voiding the sale.</source>
        <translation>作废交易前请先撤销刷卡付款。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="343"/>
        <source>An empty sale cannot be parked.</source>
        <translation>空交易不能挂起。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="371"/>
        <source>That line is voided.</source>
        <translation>该行已作废。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="381"/>
        <source>Quantity must be between 0 and 9999.</source>
        <translation>数量必须在 0 到 9999 之间。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="384"/>
        <source>Only weighed items take a fractional quantity.</source>
        <translation>只有称重商品可以输入小数数量。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="388"/>
        <source>A discount must be more than 0 and at most 100%.</source>
        <translation>折扣必须大于 0 且不超过 100%。</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/sale.py" line="401"/>
        <source>A card payment is still unresolved; check it with the terminal first.</source>
        <translation>有一笔刷卡付款尚未确认；请先在终端上核对。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/errors.py" line="11"/>
        <source>{who} is not allowed to approve this.</source>
        <translation>{who} 无权授权此操作。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/errors.py" line="16"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/errors.py" line="21"/>
        <source>Open a shift first.</source>
        <translation>请先开班。</translation>
    </message>
</context>
<context>
    <name>EntryLine</name>
    <message>
        <location filename="../../posdesk/ui/checkout/entry_line.py" line="27"/>
        <source>Scan or type a barcode, PLU or 3*code</source>
        <extracomment>Where an entry came from, as the journal records it.</extracomment>
        <translation>扫描或输入条码、PLU 或 3*条码</translation>
    </message>
</context>
<context>
    <name>ExceptionReportView</name>
    <message>
        <location filename="../../posdesk/ui/viewer/exception_report.py" line="30"/>
        <source>per day</source>
        <translation>按天</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/exception_report.py" line="30"/>
        <source>per cashier</source>
        <translation>按收银员</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/exception_report.py" line="31"/>
        <source>per lane</source>
        <translation>按收银台</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/exception_report.py" line="34"/>
        <source>Build report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/exception_report.py" line="42"/>
        <source>Group / exception</source>
        <translation>分组 / 异常</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/exception_report.py" line="42"/>
        <source>Count / time</source>
        <translation>次数 / 时间</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="39"/>
        <source>Export evidence</source>
        <translation>导出证据</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="42"/>
        <source>{count} sale(s) will be exported with their sealed clips, signed manifests, journal, report and instructions for checking them.</source>
        <translation>将导出 {count} 笔交易，包括加密录像、已签名清单、流水、报告和核验说明。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="48"/>
        <source>e.g. customer dispute, police request</source>
        <translation>例如：顾客争议、警方调取</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="49"/>
        <source>Reason (required):</source>
        <translation>原因（必填）：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="54"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="58"/>
        <source>Package folder:</source>
        <translation>证据包文件夹：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="59"/>
        <source>As one zip file</source>
        <translation>打包为一个 zip 文件</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="62"/>
        <source>Also a decrypted MP4 for any player (watermarked with your name and the time; audited)</source>
        <translation>另附一份可用任何播放器播放的解密 MP4（画面带有您的姓名和时间水印；将记入审计）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="78"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="83"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="94"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="100"/>
        <source>Say why you export (a reason is required).</source>
        <translation>请说明导出原因（必填）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="107"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/export_dialog.py" line="116"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>FilterForm</name>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="45"/>
        <source>From / to:</source>
        <extracomment>Days back the &quot;from&quot; field starts at.</extracomment>
        <translation>从 / 到：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="55"/>
        <source>Lane:</source>
        <translation>收银台：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="56"/>
        <source>Cashier:</source>
        <translation>收银员：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="57"/>
        <source>Receipt number:</source>
        <translation>小票号：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="58"/>
        <source>Total from / to:</source>
        <translation>金额从 / 到：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="59"/>
        <source>Product (barcode or name):</source>
        <translation>商品（条码或名称）：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="62"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="65"/>
        <source>Paid by:</source>
        <translation>付款方式：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="70"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="71"/>
        <source>Discount at least:</source>
        <translation>折扣至少：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="72"/>
        <source>Exceptions (any of)</source>
        <translation>异常（任一）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="82"/>
        <source>clip truncated</source>
        <translation>录像被截断</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="83"/>
        <source>clip missing</source>
        <translation>录像缺失</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="89"/>
        <source>Search (Enter)</source>
        <translation>搜索 (Enter)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="114"/>
        <source>The receipt number must be digits.</source>
        <translation>小票号必须是数字。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/filter_form.py" line="132"/>
        <source>{text} is not an amount.</source>
        <translation>{text} 不是有效金额。</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="30"/>
        <source>Release legal hold</source>
        <translation>解除法律保全</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="30"/>
        <source>Legal hold</source>
        <translation>法律保全</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="32"/>
        <source>The clip stays whatever its age until the hold is released.</source>
        <translation>在解除保全之前，无论录像多旧都会保留。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="33"/>
        <source>The clip is purged again when it is old enough.</source>
        <translation>录像到期后将再次按保留期限清除。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="37"/>
        <source>Reason (required):</source>
        <translation>原因（必填）：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="41"/>
        <source>Release (Enter)</source>
        <translation>解除 (Enter)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="41"/>
        <source>Hold (Enter)</source>
        <translation>保全 (Enter)</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../posdesk/ui/widgets/keypad.py" line="39"/>
        <source>C</source>
        <extracomment>Keys that insert themselves as text. The backspace key&apos;s face.</extracomment>
        <translation>清</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/widgets/keypad.py" line="40"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/widgets/keypad.py" line="42"/>
        <source>Delete the last digit</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/widgets/keypad.py" line="43"/>
        <source>Enter</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="79"/>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="80"/>
        <source>The lane signs every clip with its own key; clips are sealed to the manager&apos;s key. Keep the recovery sheet with the passphrase, away from the till.</source>
        <translation>收银台用自己的密钥为每段录像签名；录像用经理密钥加密。请将恢复单与口令一起保管，远离收银台。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="85"/>
        <source>Generate keys</source>
        <translation>生成密钥</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="94"/>
        <source>Print recovery sheet</source>
        <translation>打印恢复单</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="102"/>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="123"/>
        <source>Manager fingerprint</source>
        <translation>经理指纹</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="117"/>
        <source>Generating the keys…</source>
        <translation>正在生成密钥…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="122"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="122"/>
        <source>Lane</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="122"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="123"/>
        <source>Lane key</source>
        <translation>收银台密钥</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="124"/>
        <source>Manager key</source>
        <translation>经理密钥</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="125"/>
        <source>posdesk recovery sheet</source>
        <translation>posdesk 恢复单</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="127"/>
        <source>No receipt printer is set up: copy the fingerprint by hand.</source>
        <translation>未设置小票打印机：请手工抄写指纹。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="131"/>
        <source>Printing the recovery sheet…</source>
        <translation>正在打印恢复单…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="138"/>
        <source>The keys could not be made: {error}</source>
        <translation>无法生成密钥：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="142"/>
        <source>Lane key {lane}
Manager key {recipient}</source>
        <translation>收银台密钥 {lane}
经理密钥 {recipient}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="145"/>
        <source>The keys are ready.</source>
        <translation>密钥已就绪。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="146"/>
        <source>The lane already had its keys; they were kept.</source>
        <translation>此收银台已有密钥，已保留原密钥。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="152"/>
        <source>The recovery sheet did not print: {problem}</source>
        <translation>恢复单未打印：{problem}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="154"/>
        <source>The recovery sheet printed. Keep it with the passphrase.</source>
        <translation>恢复单已打印。请与口令一起保管。</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="31"/>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="35"/>
        <source>Language</source>
        <extracomment>Languages with a translation, by locale: the name each language calls itself. A lane id goes into file names and receipt numbers: letters, digits, dash.</extracomment>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="32"/>
        <source>The language of the till and its receipts. It applies from the login screen on.</source>
        <translation>收银界面和小票的语言。从登录界面起生效。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../posdesk/ui/login/login_screen.py" line="123"/>
        <source>Type your PIN</source>
        <translation>请输入您的 PIN</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/login/login_screen.py" line="125"/>
        <source>Choose your name (type it, ↑↓, Enter), then type your PIN</source>
        <translation>请选择您的姓名（输入姓名、↑↓、回车），然后输入 PIN</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/login/login_screen.py" line="127"/>
        <source>PIN for {name} (Esc: another name)</source>
        <translation>{name} 的 PIN（Esc：换一个姓名）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../posdesk/ui/main_window.py" line="44"/>
        <source>posdesk — checkout</source>
        <translation>posdesk — 收银</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/main_window.py" line="129"/>
        <source>No shift open</source>
        <translation>未开班</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/main_window.py" line="131"/>
        <source>Shift since {time}</source>
        <translation>班次开始于 {time}</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="35"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="36"/>
        <source>The manager approves voids and overrides with the PIN; the passphrase unlocks the recordings. Write the passphrase down: nobody can recover it.</source>
        <translation>经理用 PIN 授权作废和改价；口令用于解锁录像。请记下口令：任何人都无法找回它。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="39"/>
        <source>The lane has its keys. Fill in the fields only to add another manager.</source>
        <translation>此收银台已有密钥。仅在要添加另一位经理时填写这些字段。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="45"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="46"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="47"/>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="49"/>
        <source>Manager passphrase</source>
        <translation>经理口令</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_keys.py" line="50"/>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
</context>
<context>
    <name>MicrophonePage</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="130"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="131"/>
        <source>Speak at the counter: the bar should move. Clips record picture and sound.</source>
        <translation>请在柜台前说话：电平条应会跳动。录像同时录制画面和声音。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="135"/>
        <source>Default microphone</source>
        <translation>默认麦克风</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="136"/>
        <source>Test tone (no microphone)</source>
        <translation>测试音（无麦克风）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="137"/>
        <source>No sound</source>
        <translation>无声音</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="153"/>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="154"/>
        <source>Level</source>
        <translation>电平</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="176"/>
        <source>Clips will have no sound.</source>
        <translation>录像将没有声音。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="178"/>
        <source>Listening…</source>
        <translation>正在收听…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="193"/>
        <source>No microphone: {error}</source>
        <translation>无麦克风：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="199"/>
        <source>Sound is coming in.</source>
        <translation>有声音输入。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_media.py" line="199"/>
        <source>Silence.</source>
        <translation>静音。</translation>
    </message>
</context>
<context>
    <name>MoneyPage</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="76"/>
        <source>Currency and tax</source>
        <translation>货币和税</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="77"/>
        <source>Prices with VAT included (Europe, China) or sales tax added at the till (US).</source>
        <translation>价格含增值税（欧洲、中国），或在收银时另加销售税（美国）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="79"/>
        <source>Prices include tax (VAT)</source>
        <translation>价格含税（增值税）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="80"/>
        <source>Tax is added to prices (sales tax)</source>
        <translation>价格另加税（销售税）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="83"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="84"/>
        <source>Tax</source>
        <translation>税</translation>
    </message>
</context>
<context>
    <name>NamePicker</name>
    <message>
        <location filename="../../posdesk/ui/widgets/name_picker.py" line="28"/>
        <source>Type your name</source>
        <translation>输入您的姓名</translation>
    </message>
</context>
<context>
    <name>Payment</name>
    <message>
        <location filename="../../posdesk/services/payments.py" line="153"/>
        <source>This payment has no terminal receipt number to reverse.</source>
        <translation>此付款没有可撤销的终端凭证号。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/payments.py" line="184"/>
        <source>The terminal cannot tell what became of this payment ({error}). A manager checks the terminal&apos;s journal or end-of-day report and resolves it.</source>
        <translation>终端无法确认这笔付款的结果（{error}）。请经理核对终端流水或日结报告后处理。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/payments.py" line="189"/>
        <source>The terminal cannot be reached: {error}</source>
        <translation>无法连接支付终端：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/payments.py" line="208"/>
        <source>The reversal failed: {reason}</source>
        <translation>撤销失败：{reason}</translation>
    </message>
</context>
<context>
    <name>PaymentResult</name>
    <message>
        <location filename="../../posdesk/devices/zvt/client.py" line="182"/>
        <source>The card was not charged</source>
        <extracomment>T3: seconds for the terminal&apos;s first answer (80 00 or 84 xx) to a command (ZVT spec &quot;Timeouts&quot;; ecrterm TIMEOUT_T3 = 5). T4: longest silence between the terminal&apos;s messages while it runs a command; an intermediate status restarts it (ZVT spec &quot;Timeouts&quot;; ecrterm TIMEOUT_T4_DEFAULT = 180). The terminal&apos;s last receipt number this lane saw; persist it across restarts.</extracomment>
        <translation>卡未被扣款</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/client.py" line="229"/>
        <location filename="../../posdesk/devices/zvt/client.py" line="247"/>
        <source>Payment state unknown: check the terminal before trying again</source>
        <translation>支付状态未知：请先向终端核实，再重试</translation>
    </message>
</context>
<context>
    <name>Permission</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="23"/>
        <source>Void a line or lower a quantity</source>
        <translation>作废一行或减少数量</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="24"/>
        <source>Void the whole sale</source>
        <translation>作废整单</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="25"/>
        <source>Change a price</source>
        <translation>修改价格</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="26"/>
        <source>Refund a sale</source>
        <translation>交易退款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="27"/>
        <source>Open the drawer without a sale</source>
        <translation>无交易打开钱箱</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="28"/>
        <source>Give a large discount</source>
        <translation>给予大额折扣</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="29"/>
        <source>Put cash in or take it out</source>
        <translation>存入或取出现金</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="30"/>
        <source>Close the shift</source>
        <translation>结班</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="31"/>
        <source>Close the shift (Z report)</source>
        <translation>结班（Z 报表）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="32"/>
        <source>Settle a card payment the terminal cannot account for</source>
        <translation>处理终端无法确认的刷卡付款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/approval.py" line="35"/>
        <source>This action</source>
        <translation>此操作</translation>
    </message>
</context>
<context>
    <name>PinField</name>
    <message>
        <location filename="../../posdesk/ui/widgets/pin_field.py" line="30"/>
        <source>PIN</source>
        <extracomment>PINs are 4 to 8 digits.</extracomment>
        <translation>PIN 码</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="74"/>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="165"/>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="239"/>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="251"/>
        <source>Play (Space)</source>
        <extracomment>Badge colours by whether the evidence holds.</extracomment>
        <translation>播放 (空格)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="75"/>
        <source>◀ Frame</source>
        <translation>◀ 上一帧</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="76"/>
        <source>Frame ▶</source>
        <translation>下一帧 ▶</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="99"/>
        <source>Still as PNG</source>
        <translation>截图存为 PNG</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="101"/>
        <source>Export… (Ctrl+E)</source>
        <translation>导出… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="102"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="152"/>
        <source>Lane {lane} · receipt {receipt} · {cashier} · {time} · {total}</source>
        <translation>收银台 {lane} · 小票 {receipt} · {cashier} · {time} · {total}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="160"/>
        <source>(no receipt was printed)</source>
        <translation>（未打印小票）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="226"/>
        <source>♪</source>
        <translation>♪</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="226"/>
        <source>no sound</source>
        <translation>无声音</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/player_view.py" line="248"/>
        <source>Pause (Space)</source>
        <translation>暂停 (空格)</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../posdesk/ui/checkout/preview_pane.py" line="36"/>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/preview_pane.py" line="51"/>
        <source>● REC {time}</source>
        <translation>● 录制中 {time}</translation>
    </message>
</context>
<context>
    <name>PrinterMonitor</name>
    <message>
        <location filename="../../posdesk/ui/devices/printer_monitor.py" line="55"/>
        <source>Printer ready</source>
        <extracomment>The printer&apos;s name in the status bar. What the printer last said: its problem (translated) or &quot;&quot; when ready.</extracomment>
        <translation>打印机就绪</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/printer_monitor.py" line="57"/>
        <source>Printer state unknown</source>
        <translation>打印机状态未知</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/printer_monitor.py" line="60"/>
        <source>{text} Waiting for reprint: {count}.</source>
        <translation>{text} 待重印：{count}。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/printer_monitor.py" line="69"/>
        <source>The receipt did not print: {problem} It is kept for reprint (F1, Print waiting receipts).</source>
        <translation>小票未打印：{problem} 已保留待重印（F1，打印待打印小票）。</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <location filename="../../posdesk/devices/escpos/service.py" line="113"/>
        <location filename="../../posdesk/services/printing.py" line="128"/>
        <location filename="../../posdesk/services/printing.py" line="150"/>
        <source>The printer does not answer.</source>
        <extracomment>The status after printing (or the one that stopped it); None when unknown. What the cashier should know when `printed` is False (or paper is nearly out). Jobs still waiting for a reprint, this one included when it failed.
----------
The receipt&apos;s fixed words and the report labels in the shop&apos;s language; the UI installs translated ones (this layer cannot reach Qt&apos;s translator). The evidence chain head (`SEQ:HASH`, &quot;&quot; if none) for the receipt QR; kept in memory by the chain, so asking it never waits on the disk.</extracomment>
        <translation>打印机无响应。</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/escpos/service.py" line="121"/>
        <source>The printer paper is nearly out.</source>
        <translation>打印纸即将用完。</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/escpos/status.py" line="42"/>
        <source>The printer cover is open.</source>
        <extracomment>How long one DLE EOT answer may take; Epson answers within a few ms of receiving it. None when the printer&apos;s drawer switch is not wired or not asked.</extracomment>
        <translation>打印机盖已打开。</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/escpos/status.py" line="44"/>
        <source>The printer is out of paper.</source>
        <translation>打印机缺纸。</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/escpos/status.py" line="46"/>
        <source>The printer reports an error.</source>
        <translation>打印机报告错误。</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/escpos/status.py" line="48"/>
        <source>The printer is offline.</source>
        <translation>打印机离线。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/printing.py" line="145"/>
        <source>The cash drawer did not open: {error}</source>
        <translation>钱箱未能打开：{error}</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="15"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="16"/>
        <source>TOTAL</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="17"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="18"/>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="19"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="20"/>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="21"/>
        <source>Gross</source>
        <translation>含税</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="22"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="23"/>
        <source>Lane</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="24"/>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="25"/>
        <source>COPY</source>
        <translation>副本</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="26"/>
        <source>REFUND</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="27"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="28"/>
        <source>Card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="29"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/receipt_labels.py" line="30"/>
        <source>Price override</source>
        <translation>改价</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <location filename="../../posdesk/recording/process.py" line="148"/>
        <source>No microphone: recording without sound.</source>
        <extracomment>recorder.log rotates like the app&apos;s log: five files of 5 MB at most. Seconds between heartbeats; the supervisor declares the recorder dead after a few. Seconds between free-space checks of the clip directory. Longest wait for a message when the camera delivers nothing.</extracomment>
        <translation>无麦克风：录制将没有声音。</translation>
    </message>
    <message>
        <location filename="../../posdesk/recording/process.py" line="288"/>
        <source>The clip of sale {receipt} could not be saved.</source>
        <translation>交易 {receipt} 的录像无法保存。</translation>
    </message>
    <message>
        <location filename="../../posdesk/recording/evidence/disk.py" line="82"/>
        <source>The disk is full: sales are not being recorded.</source>
        <extracomment>Default warning threshold: about an hour of 720p clips. Default full threshold: room to finish the clips already open. Default early warning: the disk is full within this many days at the current rate. Seconds between re-reading the recording rate from the clip folders. Days until full at the current recording rate; None before anything is recorded.</extracomment>
        <translation>磁盘已满：交易未被录制。</translation>
    </message>
    <message>
        <location filename="../../posdesk/recording/evidence/disk.py" line="86"/>
        <source>At the current rate the disk is full in {days} days: purge old clips or add storage.</source>
        <translation>按当前录制速度，磁盘将在 {days} 天后写满：请清理旧录像或增加存储空间。</translation>
    </message>
    <message>
        <location filename="../../posdesk/recording/evidence/disk.py" line="90"/>
        <source>The disk is nearly full: recordings will stop soon.</source>
        <translation>磁盘即将写满：录制即将停止。</translation>
    </message>
    <message>
        <location filename="../../posdesk/recording/process.py" line="315"/>
        <source>Camera is back.</source>
        <translation>摄像头已恢复。</translation>
    </message>
    <message>
        <location filename="../../posdesk/recording/process.py" line="319"/>
        <source>No camera: {camera} gives no picture; sales are not being filmed.</source>
        <translation>没有摄像头：{camera} 没有画面；销售未被录像。</translation>
    </message>
    <message>
        <location filename="../../posdesk/recording/process.py" line="323"/>
        <source>Camera lost: the counter is not being recorded.</source>
        <translation>摄像头断开：柜台未被录制。</translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <location filename="../../posdesk/recording/media/pipeline.py" line="52"/>
        <source>{count} frames lost on camera {track}</source>
        <extracomment>A gap longer than this many frame periods means frames were lost before encoding.</extracomment>
        <translation>摄像头 {track} 丢失 {count} 帧</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/recording.py" line="120"/>
        <source>Recording is off: no manager key is set up (posdesk keys init).</source>
        <extracomment>The demo&apos;s manager passphrase (the README states it); a real lane sets its own. Longest wait at shutdown for the writer, then for the recorder, to finish their work. True while the camera has never given a picture (missing device, wrong setting). False once the recorder said it has no microphone: clips are video-only. Monotonic start of the open sale&apos;s clip, for the REC indicator&apos;s elapsed time.</extracomment>
        <translation>录制已关闭：尚未设置经理密钥（posdesk keys init）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/recording.py" line="243"/>
        <source>The clock is {minutes} minutes behind the last recorded sale: please set the date and time.</source>
        <translation>时钟比最后一笔已记录的销售早 {minutes} 分钟：请校正日期和时间。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/recording.py" line="303"/>
        <source>The evidence of a sale could not be signed: {error}</source>
        <translation>无法为销售证据签名：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/recording.py" line="335"/>
        <source>The recorder stopped ({reason}); it is restarting.</source>
        <translation>录制程序已停止（{reason}），正在重新启动。</translation>
    </message>
</context>
<context>
    <name>RecordingView</name>
    <message>
        <location filename="../../posdesk/ui/recording_view.py" line="81"/>
        <source>Stop recording (Ctrl+R)</source>
        <translation>停止录制 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/recording_view.py" line="82"/>
        <source>Record this sale (Ctrl+R)</source>
        <translation>录制本单 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/recording_view.py" line="87"/>
        <source>Recorder starting…</source>
        <translation>录制程序启动中…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/recording_view.py" line="89"/>
        <source>No camera — sales are not being filmed</source>
        <translation>没有摄像头 — 销售未被录像</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/recording_view.py" line="92"/>
        <source>Camera lost — reconnecting</source>
        <translation>摄像头断开——正在重新连接</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/recording_view.py" line="95"/>
        <source>No microphone — recording picture only</source>
        <translation>无麦克风——仅录制画面</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/recovery.py" line="17"/>
        <source>Unfinished sale</source>
        <translation>未完成的交易</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/recovery.py" line="19"/>
        <source>An unfinished sale was found — resume it.</source>
        <translation>发现一笔未完成的交易 — 请继续处理。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/recovery.py" line="23"/>
        <source>{lines} lines, total {total}, started {time} by {cashier}</source>
        <translation>{lines} 行，合计 {total}，由 {cashier} 于 {time} 开始</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/recovery.py" line="27"/>
        <source>Resume (Enter)</source>
        <translation>继续 (Enter)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../posdesk/core/report_rows.py" line="17"/>
        <source>Z report (close of day)</source>
        <translation>Z 报表（日结）</translation>
    </message>
    <message>
        <location filename="../../posdesk/core/report_rows.py" line="18"/>
        <source>X report (mid-shift)</source>
        <translation>X 报表（班中）</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="23"/>
        <source>Z report (shift closed)</source>
        <translation>Z 报表（已结班）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="23"/>
        <source>X report</source>
        <translation>X 报表</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="33"/>
        <source>Shift opened</source>
        <translation>开班时间</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="35"/>
        <source>Shift closed</source>
        <translation>结班时间</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="36"/>
        <source>Opened by</source>
        <translation>开班人</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="37"/>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="38"/>
        <source>Gross sales</source>
        <translation>销售总额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="39"/>
        <source>Returns</source>
        <translation>退货笔数</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="40"/>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="41"/>
        <source>Net sales</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="42"/>
        <source>Discounts</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="43"/>
        <source>Voided sales</source>
        <translation>作废交易</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="44"/>
        <source>Voided lines</source>
        <translation>作废行</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="46"/>
        <source>Tax {code} {percent}%</source>
        <translation>税 {code} {percent}%</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="48"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="48"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="51"/>
        <source>Float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="52"/>
        <source>Cash in</source>
        <translation>现金存入</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="53"/>
        <source>Cash out</source>
        <translation>现金取出</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="54"/>
        <source>Cash expected in drawer</source>
        <translation>钱箱应有现金</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="55"/>
        <source>Cash counted</source>
        <translation>清点现金</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="56"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/report.py" line="63"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>ResolvePaymentDialog</name>
    <message>
        <location filename="../../posdesk/ui/payment/resolve_dialog.py" line="19"/>
        <source>Resolve card payment</source>
        <translation>处理刷卡付款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/resolve_dialog.py" line="21"/>
        <source>Was the card charged {amount}?</source>
        <translation>这张卡是否已扣款 {amount}？</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/resolve_dialog.py" line="23"/>
        <source>Look it up on the terminal&apos;s own journal or end-of-day report, then say where you checked.</source>
        <translation>请在终端自身的流水或日结报告中查找，然后说明核对的来源。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/resolve_dialog.py" line="28"/>
        <source>Checked on (e.g. terminal journal)</source>
        <translation>核对来源（例如终端流水）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/resolve_dialog.py" line="29"/>
        <source>Charged</source>
        <translation>已扣款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/resolve_dialog.py" line="31"/>
        <source>Not charged</source>
        <translation>未扣款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/payment/resolve_dialog.py" line="33"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <location filename="../../posdesk/ui/viewer/results_table.py" line="50"/>
        <source>Time</source>
        <extracomment>Row height with a thumbnail.</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/results_table.py" line="50"/>
        <source>Lane</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/results_table.py" line="50"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/results_table.py" line="50"/>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/results_table.py" line="51"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/results_table.py" line="51"/>
        <source>Tenders</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/results_table.py" line="51"/>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/results_table.py" line="51"/>
        <source>Recording</source>
        <translation>录像</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="62"/>
        <source>Retention</source>
        <translation>保留期限</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="70"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="72"/>
        <source>Keep clips for:</source>
        <translation>录像保留：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="79"/>
        <source>Preview (Enter)</source>
        <translation>预览 (Enter)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="83"/>
        <source>Purge now</source>
        <translation>立即清除</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="105"/>
        <source>{count} clips purged; {held} kept by a legal hold.</source>
        <translation>已清除 {count} 段录像；{held} 段因法律保全而保留。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/retention_dialogs.py" line="108"/>
        <source>{count} clips older than {days} days would be purged; {held} are kept by a legal hold.</source>
        <translation>将清除 {count} 段超过 {days} 天的录像；{held} 段因法律保全而保留。</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="97"/>
        <source>Keeping recordings</source>
        <translation>录像保留</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="98"/>
        <source>Clips older than this are deleted (a tombstone stays in the evidence chain); clips on legal hold are kept. Finish saves the settings.</source>
        <translation>超过此期限的录像将被删除（证据链中保留删除记录）；处于法律保留状态的录像不删除。点击“完成”保存设置。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="105"/>
        <source>Keep recordings for (days)</source>
        <translation>录像保留天数</translation>
    </message>
</context>
<context>
    <name>ReturnLinesDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/returns.py" line="25"/>
        <source>Return — receipt {no}</source>
        <translation>退货 — 小票 {no}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/returns.py" line="32"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/returns.py" line="32"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/returns.py" line="32"/>
        <source>Returnable</source>
        <translation>可退</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/returns.py" line="33"/>
        <source>Unit refund</source>
        <translation>单件退款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/returns.py" line="33"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/returns.py" line="55"/>
        <source>Type the quantity to return · F1 all · Enter accept · Esc cancel</source>
        <translation>输入退货数量 · F1 全部 · Enter 确认 · Esc 取消</translation>
    </message>
</context>
<context>
    <name>SaleIntents</name>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="68"/>
        <source>Age check</source>
        <translation>年龄确认</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="69"/>
        <source>Check an ID if in doubt.</source>
        <translation>如有疑问请查验证件。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="70"/>
        <source>Yes, confirmed (Enter)</source>
        <translation>是，已确认 (Enter)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="70"/>
        <source>No (Esc)</source>
        <translation>否 (Esc)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="105"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="106"/>
        <source>New quantity for {name}</source>
        <translation>{name} 的新数量</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="153"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="154"/>
        <source>New unit price for {name}</source>
        <translation>{name} 的新单价</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="179"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="179"/>
        <source>Receipt number</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="213"/>
        <source>Void sale</source>
        <translation>整单作废</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="214"/>
        <source>Void the whole sale?</source>
        <translation>作废整单？</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="215"/>
        <source>Every line stays in the journal and on the recording.</source>
        <translation>每一行都会保留在日志和录像中。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="216"/>
        <source>Void sale (Enter)</source>
        <translation>作废 (Enter)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/sale_intents.py" line="216"/>
        <source>Keep it (Esc)</source>
        <translation>保留 (Esc)</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/search.py" line="56"/>
        <source>Find a product</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/search.py" line="68"/>
        <source>Type part of the name</source>
        <translation>输入部分名称</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/search.py" line="69"/>
        <location filename="../../posdesk/ui/dialogs/search.py" line="85"/>
        <source>↑↓ choose · Enter take · Esc close</source>
        <translation>↑↓ 选择 · Enter 添加 · Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/search.py" line="87"/>
        <source>Nothing found for &quot;{text}&quot;.</source>
        <translation>未找到“{text}”。</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../posdesk/ui/viewer/search_view.py" line="28"/>
        <source>Sales</source>
        <translation>交易</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/search_view.py" line="29"/>
        <source>Exception report</source>
        <translation>异常报表</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="40"/>
        <source>{path} cannot be read: {error}</source>
        <extracomment>Clip size per recorded hour at 1280x720, 30 fps with the live x264 settings, measured on busy real footage (about 36 MB a minute); other sizes and rates scale with the pixels. Days reported when nothing is recorded (no hours a day): the disk never fills. A clock this far behind the newest sale has been set back (or lost its battery). No lane runs before this year: an older date is a PC whose clock was never set.</extracomment>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="42"/>
        <source>Restore the database from the last backup.</source>
        <translation>请从最近的备份恢复数据库。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="43"/>
        <source>{path}: schema {version} of {latest}, integrity {integrity}</source>
        <translation>{path}：结构版本 {version}/{latest}，完整性 {integrity}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="46"/>
        <source>The database is damaged: restore it from the last backup.</source>
        <translation>数据库已损坏：请从最近的备份恢复。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="48"/>
        <source>Run posdesk db upgrade with this version of posdesk.</source>
        <translation>请用当前版本的 posdesk 运行 posdesk db upgrade。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="73"/>
        <source>{free} GB free: {days} days of recording at {mb} MB per hour, {hours} h a day (retention {retention} days)</source>
        <translation>可用 {free} GB：按每小时 {mb} MB、每天 {hours} 小时，可录制 {days} 天（保留期 {retention} 天）</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="78"/>
        <source>Free disk space, add a larger disk, or lower recording.retention_days, recording.fps or the picture size.</source>
        <translation>请释放磁盘空间、换用更大的磁盘，或调低 recording.retention_days、recording.fps 或画面尺寸。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="84"/>
        <source>Set the date and time (and turn on network time).</source>
        <translation>请设置日期和时间（并开启网络校时）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="87"/>
        <source>The clock says {now}: it was never set.</source>
        <translation>时钟显示 {now}：从未设置过。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="90"/>
        <source>The clock says {now}, before the newest sale ({sale}).</source>
        <translation>时钟显示 {now}，早于最近一笔交易（{sale}）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="93"/>
        <source>{now}</source>
        <translation>{now}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="97"/>
        <source>Run the setup wizard or posdesk keys init.</source>
        <translation>请运行安装向导或 posdesk keys init。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="99"/>
        <source>No lane signing key or manager key yet.</source>
        <translation>尚无收银台签名密钥或经理密钥。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="103"/>
        <source>The keys cannot be read: {error}</source>
        <translation>无法读取密钥：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="104"/>
        <source>Restore the keys folder from the recovery backup.</source>
        <translation>请从恢复备份中还原 keys 文件夹。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest.py" line="106"/>
        <source>lane key {key}, manager {manager}</source>
        <translation>收银台密钥 {key}，经理 {manager}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="88"/>
        <source>{camera}: the recorder has a picture</source>
        <extracomment>The terminal answers a status enquiry within seconds; a payment in progress may hold its worker for up to a minute before the enquiry gets its turn. A status enquiry needs no cardholder: the terminal&apos;s first answer comes fast. The lane&apos;s running devices and recorder state (None: open from the configuration).</extracomment>
        <translation>{camera}：录像进程有画面</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="89"/>
        <source>{camera}: the recorder lost the picture</source>
        <translation>{camera}：录像进程丢失画面</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="91"/>
        <source>Check the camera&apos;s cable and recording.camera.</source>
        <translation>请检查摄像头连线和 recording.camera。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="94"/>
        <location filename="../../posdesk/services/selftest_devices.py" line="118"/>
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="95"/>
        <source>Check the camera&apos;s cable and power, and recording.{key} (a device number, /dev/video0 or an rtsp:// URL).</source>
        <translation>请检查摄像头的连线和电源，以及 recording.{key}（设备编号、/dev/video0 或 rtsp:// 地址）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="99"/>
        <source>{camera}: picture {width}x{height}</source>
        <translation>{camera}：画面 {width}x{height}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="104"/>
        <source>Plug in the microphone, unmute it, or pick another one in recording.audio (microphone:&lt;device&gt;).</source>
        <translation>请插上麦克风、取消静音，或在 recording.audio 中选择其他设备（microphone:&lt;设备&gt;）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="107"/>
        <source>off: clips have no sound</source>
        <translation>已关闭：录像无声音</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="109"/>
        <source>test tone (no microphone in use)</source>
        <translation>测试音（未使用麦克风）</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="112"/>
        <source>{audio}: the recorder hears it</source>
        <translation>{audio}：录像进程能听到声音</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="113"/>
        <source>{audio}: the recorder has no sound</source>
        <translation>{audio}：录像进程没有声音</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="119"/>
        <source>{audio}: level {level} dBFS</source>
        <translation>{audio}：电平 {level} dBFS</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="126"/>
        <source>No card terminal is set up.</source>
        <translation>未设置刷卡终端。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="127"/>
        <source>Pick its port in the device settings (or posdesk config set devices.terminal.port PORT).</source>
        <translation>请在设备设置中选择其端口（或 posdesk config set devices.terminal.port 端口）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="129"/>
        <source>Check that the terminal is on, its cable, the port name and devices.terminal.baudrate ({baud}); the terminal must speak ZVT.</source>
        <translation>请检查终端是否开机、连线、端口名称和 devices.terminal.baudrate（{baud}）；终端必须使用 ZVT 协议。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="135"/>
        <location filename="../../posdesk/services/selftest_devices.py" line="168"/>
        <source>{port}: {error}</source>
        <translation>{port}：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="138"/>
        <source>{port} answers but refuses: {message}</source>
        <translation>{port} 有应答但拒绝：{message}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="140"/>
        <source>Check devices.terminal.password against the terminal.</source>
        <translation>请核对 devices.terminal.password 与终端密码是否一致。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="141"/>
        <source>{port}: terminal {tid} answers</source>
        <translation>{port}：终端 {tid} 有应答</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="159"/>
        <source>No receipt printer is set up.</source>
        <translation>未设置小票打印机。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="160"/>
        <source>Pick its port in the device settings (or posdesk config set devices.printer.port PORT).</source>
        <translation>请在设备设置中选择其端口（或 posdesk config set devices.printer.port 端口）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="162"/>
        <source>The drawer opens through the printer, and there is none.</source>
        <translation>钱箱通过打印机打开，但没有打印机。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="164"/>
        <source>Set up the receipt printer first.</source>
        <translation>请先设置小票打印机。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="169"/>
        <source>Check that the printer is on, its cable, the port name and devices.printer.baudrate ({baud}).</source>
        <translation>请检查打印机是否开机、连线、端口名称和 devices.printer.baudrate（{baud}）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="172"/>
        <source>The printer that opens it does not answer.</source>
        <translation>负责打开钱箱的打印机没有应答。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="173"/>
        <source>Fix the printer first.</source>
        <translation>请先排除打印机故障。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="190"/>
        <source>{port}: opened; this connection cannot report paper or cover</source>
        <translation>{port}：已打开；此连接无法报告纸张或机盖状态</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="194"/>
        <source>{port}: {problem}</source>
        <translation>{port}：{problem}</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="196"/>
        <source>{port}: ready, paper nearly out</source>
        <translation>{port}：就绪，纸快用完了</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="197"/>
        <source>{port}: ready</source>
        <translation>{port}：就绪</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="203"/>
        <source>its state is not reported by this printer (use Open drawer to try it)</source>
        <translation>此打印机不报告钱箱状态（可用“打开钱箱”试一下）</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="206"/>
        <source>The drawer is open.</source>
        <translation>钱箱是开着的。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="207"/>
        <source>Close the cash drawer (if it is closed, check devices.printer.profile: the drawer switch reads the other way).</source>
        <translation>请关上钱箱（若已关上，请检查 devices.printer.profile：钱箱开关的电平方向相反）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_devices.py" line="209"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="11"/>
        <source>Database</source>
        <extracomment>The checks in the order they are reported, with their titles.</extracomment>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="12"/>
        <source>Free disk</source>
        <translation>磁盘空间</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="13"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="14"/>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="15"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="16"/>
        <source>Second camera</source>
        <translation>第二摄像头</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="17"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="18"/>
        <source>Card terminal</source>
        <translation>刷卡终端</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="19"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/selftest_report.py" line="20"/>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
</context>
<context>
    <name>SelfTestPanel</name>
    <message>
        <location filename="../../posdesk/ui/devices/selftest_panel.py" line="69"/>
        <source>Self-test</source>
        <extracomment>Colours of passed and failed lines (readable on the light and the dark style).</extracomment>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/selftest_panel.py" line="70"/>
        <source>Run self-test</source>
        <translation>运行自检</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/selftest_panel.py" line="94"/>
        <source>Checking the database, disk, clock, keys and every device…</source>
        <translation>正在检查数据库、磁盘、时钟、密钥和所有设备…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/selftest_panel.py" line="99"/>
        <source>The self-test could not run: {error}</source>
        <translation>自检无法运行：{error}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/selftest_panel.py" line="106"/>
        <source>Fix: {fix}</source>
        <translation>解决办法：{fix}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/selftest_panel.py" line="110"/>
        <source>All checks passed.</source>
        <translation>所有检查均已通过。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/devices/selftest_panel.py" line="111"/>
        <source>{count} of {total} checks failed.</source>
        <translation>{total} 项检查中有 {count} 项未通过。</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <location filename="../../posdesk/services/setup.py" line="100"/>
        <source>Type the manager&apos;s name.</source>
        <extracomment>The file whose presence means &quot;this lane is set up&quot;. Currencies the wizard offers (any ISO code can be set with `posdesk config set`). A manager passphrase protects every recording: no shorter than `posdesk keys init` allows. How long adding the manager may wait for the database&apos;s writer. Config key of each answer. What the manager compares on the recovery sheet and when a lane is endorsed. False when the lane already had its keys (a revisit): nothing was replaced.</extracomment>
        <translation>请输入经理姓名。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/setup.py" line="102"/>
        <source>The PIN has 4 to 8 digits.</source>
        <translation>PIN 为 4 到 8 位数字。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/setup.py" line="104"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/setup.py" line="106"/>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/setup.py" line="109"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/setup.py" line="136"/>
        <source>The database did not answer; the manager was not added.</source>
        <translation>数据库没有响应；未添加经理。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/setup.py" line="138"/>
        <source>The manager cannot be added: {error}</source>
        <translation>无法添加经理：{error}</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../posdesk/ui/wizard/setup_wizard.py" line="28"/>
        <source>posdesk setup</source>
        <translation>posdesk 安装</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/setup_wizard.py" line="58"/>
        <source>The settings could not be saved: {error}</source>
        <translation>无法保存设置：{error}</translation>
    </message>
</context>
<context>
    <name>ShiftIntents</name>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="85"/>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="85"/>
        <source>Cash float in the drawer</source>
        <translation>钱箱备用金</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="96"/>
        <source>Reason (optional)</source>
        <translation>原因（可选）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="97"/>
        <source>Cash out</source>
        <translation>现金取出</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="97"/>
        <source>Cash in</source>
        <translation>现金存入</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="98"/>
        <source>Amount taken out of the drawer</source>
        <translation>从钱箱取出的金额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="98"/>
        <source>Amount put into the drawer</source>
        <translation>存入钱箱的金额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="114"/>
        <source>Close shift</source>
        <translation>结班</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/shift_intents.py" line="114"/>
        <source>Cash counted in the drawer</source>
        <translation>钱箱清点现金</translation>
    </message>
</context>
<context>
    <name>ShiftMenu</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="36"/>
        <source>Shift and drawer</source>
        <extracomment>Entries past the tenth have a letter instead of a digit.</extracomment>
        <translation>班次与钱箱</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="40"/>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="41"/>
        <source>Cash in</source>
        <translation>现金存入</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="42"/>
        <source>Cash out</source>
        <translation>现金取出</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="43"/>
        <source>X report</source>
        <translation>X 报表</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="44"/>
        <source>Close shift (Z report)</source>
        <translation>结班（Z 报表）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="45"/>
        <source>Open drawer (no sale)</source>
        <translation>打开钱箱（无交易）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="46"/>
        <source>Reprint last receipt</source>
        <translation>重印上一张小票</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="47"/>
        <source>Print waiting receipts ({count})</source>
        <translation>打印待打印小票（{count}）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="49"/>
        <source>Device settings</source>
        <translation>设备设置</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="50"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/shift_menu.py" line="51"/>
        <source>Evidence viewer (manager PIN)</source>
        <translation>证据查看器（经理 PIN）</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../posdesk/ui/status_bar.py" line="22"/>
        <source>Cashier: {name}</source>
        <translation>收银员：{name}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/status_bar.py" line="22"/>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../../posdesk/db/errors.py" line="12"/>
        <source>The database could not complete the request.</source>
        <translation>数据库无法完成该请求。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/errors.py" line="55"/>
        <source>There is no user {name}.</source>
        <translation>没有用户 {name}。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/errors.py" line="67"/>
        <source>Choose your name first.</source>
        <translation>请先选择您的姓名。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/errors.py" line="82"/>
        <source>Wrong PIN.</source>
        <translation>PIN 码错误。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/errors.py" line="83"/>
        <source>Wrong PIN. {n} tries left.</source>
        <translation>PIN 码错误，还剩 {n} 次机会。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/errors.py" line="90"/>
        <source>{name} is locked. A manager must unlock the account.</source>
        <translation>{name} 已被锁定，需要经理解锁。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/errors.py" line="100"/>
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <translation>PIN 错误次数过多。请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/errors.py" line="107"/>
        <source>{name} may not approve this.</source>
        <translation>{name} 无权授权此操作。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/errors.py" line="124"/>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>PIN 码为 4 到 12 位数字。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/errors.py" line="131"/>
        <source>The disk is full: free some space, then the sale is saved.</source>
        <translation>磁盘已满：请释放一些空间，之后销售即会保存。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/shifts.py" line="54"/>
        <source>No shift is open on this till.</source>
        <translation>本收银台未开班。</translation>
    </message>
    <message>
        <location filename="../../posdesk/db/shifts.py" line="66"/>
        <source>A shift is already open on this till.</source>
        <translation>本收银台已有班次。</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="47"/>
        <source>Store and lane</source>
        <translation>门店和收银台</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="48"/>
        <source>The store&apos;s name heads every receipt; the lane id tells this till from the others.</source>
        <translation>门店名称印在每张小票的抬头；收银台编号用于区分各收银台。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="55"/>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="56"/>
        <source>Lane id</source>
        <translation>收银台编号</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="62"/>
        <source>Type the store&apos;s name.</source>
        <translation>请输入门店名称。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_basic.py" line="65"/>
        <source>The lane id has 1 to 16 letters, digits or dashes.</source>
        <translation>收银台编号为 1 到 16 个字母、数字或短横线。</translation>
    </message>
</context>
<context>
    <name>SuspendedDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/suspended.py" line="17"/>
        <source>Parked sales</source>
        <translation>挂起的交易</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/suspended.py" line="23"/>
        <source>{time}   {total}   {cashier}</source>
        <translation>{time}   {total}   {cashier}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/suspended.py" line="30"/>
        <source>↑↓ choose · Enter resume · Esc close</source>
        <translation>↑↓ 选择 · Enter 取单 · Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/suspended.py" line="31"/>
        <source>No parked sales.</source>
        <translation>没有挂起的交易。</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="57"/>
        <source>Payment</source>
        <extracomment>Keys of the quick-cash buttons, in the order `quick_cash()` lists the amounts. The card key, the same as on the checkout screen.</extracomment>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="83"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="84"/>
        <source>Card (F11)</source>
        <translation>刷卡 (F11)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="85"/>
        <source>Cash (Enter)</source>
        <translation>现金 (Enter)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="186"/>
        <source>Enter the cash received.</source>
        <translation>请输入收到的现金。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="215"/>
        <source>No card terminal is set up on this lane.</source>
        <translation>本收银台未设置刷卡终端。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="222"/>
        <source>Enter the amount for the card.</source>
        <translation>请输入刷卡金额。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="305"/>
        <source>Pay out</source>
        <translation>应退</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="307"/>
        <source>Remaining</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="307"/>
        <source>Amount due</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="320"/>
        <source>Enter pays out cash, F11 to the card</source>
        <translation>Enter 支付现金，F11 退到银行卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="322"/>
        <source>Amount (Enter = cash exact, F11 = card)</source>
        <translation>金额（Enter = 现金足额，F11 = 刷卡）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="329"/>
        <source>Reverse card payment {amount}</source>
        <translation>撤销刷卡付款 {amount}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="336"/>
        <source>Paid out</source>
        <translation>已退</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="338"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="340"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/dialogs/tender.py" line="352"/>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="25"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="55"/>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="62"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="58"/>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="68"/>
        <source>To pay</source>
        <translation>应付</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="62"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="66"/>
        <source>Remaining</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="68"/>
        <source>To pay out</source>
        <translation>应退</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="72"/>
        <source>Last sale</source>
        <translation>上一笔</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/checkout/totals_panel.py" line="75"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../posdesk/ui/viewer/unlock_dialog.py" line="23"/>
        <source>Unlock recordings</source>
        <translation>解锁录像</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/unlock_dialog.py" line="26"/>
        <source>Manager passphrase:</source>
        <translation>经理口令：</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/unlock_dialog.py" line="47"/>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <location filename="../../posdesk/services/viewer.py" line="67"/>
        <source>Unlock the recordings with the manager passphrase first.</source>
        <extracomment>Default idle time after which the identity is dropped. How long a search waits for the newest sales&apos; facts before it searches without them.</extracomment>
        <translation>请先用经理口令解锁录像。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/viewer.py" line="73"/>
        <source>Wrong manager passphrase ({count} failed tries).</source>
        <translation>经理口令错误（已失败 {count} 次）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/services/viewer.py" line="79"/>
        <source>Say why (a reason is required).</source>
        <translation>请说明原因（必填）。</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="11"/>
        <source>voided sale</source>
        <translation>整单作废</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="12"/>
        <source>line void</source>
        <translation>行作废</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="13"/>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="14"/>
        <source>price override</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="15"/>
        <source>discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="16"/>
        <source>card declined</source>
        <translation>刷卡被拒</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="17"/>
        <source>card aborted</source>
        <translation>刷卡中止</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="18"/>
        <source>card result unknown</source>
        <translation>刷卡结果未知</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="19"/>
        <source>recording gap</source>
        <translation>录像中断</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="20"/>
        <source>recording stopped by hand</source>
        <translation>手动停止录像</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="21"/>
        <source>drawer opened without a sale</source>
        <translation>无交易开钱箱</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="25"/>
        <source>Verified: signature, chain and clip hash match</source>
        <translation>已核验：签名、链和录像哈希均一致</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="26"/>
        <source>Truncated: the clip ends early (signed as such)</source>
        <translation>已截断：录像提前结束（签名如实记录）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="27"/>
        <source>No clip recorded</source>
        <translation>未录像</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="28"/>
        <source>Clip purged by retention</source>
        <translation>录像已按保留期限清除</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="29"/>
        <source>Missing: the evidence is gone</source>
        <translation>缺失：证据已不存在</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="30"/>
        <source>Tampered</source>
        <translation>已被篡改</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="34"/>
        <source>complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="35"/>
        <source>truncated</source>
        <translation>已截断</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="36"/>
        <source>no clip</source>
        <translation>无录像</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="37"/>
        <source>purged</source>
        <translation>已清除</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="41"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="42"/>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/labels.py" line="56"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>ViewerEntry</name>
    <message>
        <location filename="../../posdesk/ui/viewer/checkout_entry.py" line="37"/>
        <source>Open the evidence viewer</source>
        <extracomment>The checkout&apos;s key for the viewer (F1 is the shift menu, where it is listed too).</extracomment>
        <translation>打开证据查看器</translation>
    </message>
</context>
<context>
    <name>ViewerReport</name>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="25"/>
        <source>Evidence report</source>
        <translation>证据报告</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="26"/>
        <source>Exported by</source>
        <translation>导出人</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="27"/>
        <source>Exported at (UTC)</source>
        <translation>导出时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="28"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="29"/>
        <source>Sales</source>
        <translation>交易</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="30"/>
        <source>Sale</source>
        <translation>交易</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="31"/>
        <source>Sale id</source>
        <translation>交易编号</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="32"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="33"/>
        <source>Started (UTC)</source>
        <translation>开始时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="34"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="35"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="36"/>
        <source>Package folder</source>
        <translation>证据包文件夹</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="37"/>
        <source>Verification</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="38"/>
        <source>Key frames</source>
        <translation>关键画面</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/pdf_report.py" line="39"/>
        <source>Journal</source>
        <translation>流水</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="65"/>
        <source>posdesk — evidence viewer</source>
        <extracomment>Rows of a result that get a thumbnail (each one decrypts and decodes a clip). How often the window checks the idle timeout. Opens the export dialog for sale ids (given by the composition, which owns the exporter). Opens the legal hold dialog for a sale (sale id, held now?) or the retention dialog.</extracomment>
        <translation>posdesk — 证据查看器</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="79"/>
        <source>Lock (Ctrl+L)</source>
        <translation>锁定 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="84"/>
        <source>Export selected… (Ctrl+E)</source>
        <translation>导出所选… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="90"/>
        <source>Legal hold… (Ctrl+H)</source>
        <translation>法律保全… (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="91"/>
        <source>Retention… (Ctrl+R)</source>
        <translation>保留期限… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="168"/>
        <source>Searching…</source>
        <extracomment>The open export dialog, if any (set by whoever opens it).</extracomment>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="174"/>
        <source>{count} sales found</source>
        <translation>找到 {count} 笔交易</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="199"/>
        <source>Opening the sale…</source>
        <translation>正在打开交易…</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="217"/>
        <source>Still saved to {path}</source>
        <translation>截图已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../posdesk/ui/viewer/viewer_window.py" line="248"/>
        <source>Failed: {error}</source>
        <translation>失败：{error}</translation>
    </message>
</context>
<context>
    <name>ZvtResult</name>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="30"/>
        <source>Approved</source>
        <extracomment>Result code of a successful command. Aborted by timeout or the abort key (also the answer to the ECR&apos;s Abort 06 B0). Function deactivated: the terminal takes no such command from an unregistered ECR. Function not possible: the generic refusal, also for a wrong password. ZVT protocol error: a message the terminal could not parse. System error; details, if any, in TLV tags 1F16/1F17.</extracomment>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="31"/>
        <source>Card not readable</source>
        <translation>无法读卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="32"/>
        <source>Card data not present</source>
        <translation>卡数据缺失</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="33"/>
        <source>Processing error</source>
        <translation>处理错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="34"/>
        <source>Function not permitted for debit cards</source>
        <translation>借记卡不支持此功能</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="35"/>
        <source>Function not permitted for credit cards</source>
        <translation>信用卡不支持此功能</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="36"/>
        <source>Turnover file full</source>
        <translation>交易记录已满</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="37"/>
        <source>Function deactivated (terminal not registered)</source>
        <translation>功能未启用（终端未登记）</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="38"/>
        <source>Aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="39"/>
        <source>Card blocked</source>
        <translation>卡已冻结</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="40"/>
        <source>Wrong currency</source>
        <translation>币种错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="41"/>
        <source>Insufficient funds</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="42"/>
        <source>Chip error</source>
        <translation>芯片错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="43"/>
        <source>Card data incorrect</source>
        <translation>卡数据错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="44"/>
        <source>End-of-day not possible</source>
        <translation>无法日结</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="45"/>
        <source>Card expired</source>
        <translation>卡已过期</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="46"/>
        <source>Card not yet valid</source>
        <translation>卡尚未生效</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="47"/>
        <source>Card unknown</source>
        <translation>未知卡片</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="48"/>
        <source>Communication error</source>
        <translation>通讯错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="49"/>
        <source>Function not possible</source>
        <translation>无法执行此功能</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="50"/>
        <source>Key missing</source>
        <translation>缺少密钥</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="51"/>
        <source>PIN pad defective</source>
        <translation>密码键盘故障</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="52"/>
        <source>Protocol error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="53"/>
        <source>Error from dial-up or communication fault</source>
        <translation>拨号或通讯故障</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="54"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="55"/>
        <source>Receiver not ready</source>
        <translation>接收方未就绪</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="56"/>
        <source>Remote station does not respond</source>
        <translation>远端无响应</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="57"/>
        <source>No connection</source>
        <translation>无连接</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="58"/>
        <source>Memory full</source>
        <translation>存储已满</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="59"/>
        <source>Merchant journal full</source>
        <translation>商户流水已满</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="60"/>
        <source>Already reversed</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="61"/>
        <source>Reversal not possible</source>
        <translation>无法冲正</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="62"/>
        <source>Amount wrong</source>
        <translation>金额错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="63"/>
        <source>Diagnosis required</source>
        <translation>需要诊断</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="64"/>
        <source>Maximum amount exceeded</source>
        <translation>超过最高金额</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="65"/>
        <source>Payment method not supported</source>
        <translation>不支持该支付方式</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="66"/>
        <source>Currency not applicable</source>
        <translation>币种不适用</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="67"/>
        <source>Amount too small</source>
        <translation>金额过小</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="68"/>
        <source>Printer not ready</source>
        <translation>打印机未就绪</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="69"/>
        <source>Card inserted</source>
        <translation>卡已插入</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="70"/>
        <source>Card reader does not answer</source>
        <translation>读卡器无响应</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="71"/>
        <source>Terminal activation required</source>
        <translation>终端需要激活</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="72"/>
        <source>PIN processing not possible</source>
        <translation>无法处理密码</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="73"/>
        <source>Open end-of-day batch present</source>
        <translation>存在未日结的批次</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="74"/>
        <source>Necessary device not present or defective</source>
        <translation>必需设备缺失或故障</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="75"/>
        <source>Baud rate not supported</source>
        <translation>不支持该波特率</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="76"/>
        <source>Register unknown</source>
        <translation>收银机未知</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="77"/>
        <source>System error</source>
        <translation>系统错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="129"/>
        <source>Terminal error {code}</source>
        <translation>终端错误 {code}</translation>
    </message>
</context>
<context>
    <name>ZvtStatus</name>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="84"/>
        <source>Waiting for amount confirmation</source>
        <translation>等待确认金额</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="85"/>
        <location filename="../../posdesk/devices/zvt/codes.py" line="86"/>
        <source>Please watch PIN pad</source>
        <translation>请看密码键盘</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="87"/>
        <source>Not accepted</source>
        <translation>不受理</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="88"/>
        <source>Waiting for the host</source>
        <translation>等待主机响应</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="89"/>
        <source>Sending auto-reversal</source>
        <translation>正在发送自动冲正</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="90"/>
        <source>Sending post-bookings</source>
        <translation>正在发送补登</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="91"/>
        <source>Card not admitted</source>
        <translation>此卡不受理</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="92"/>
        <source>Card unknown</source>
        <translation>未知卡片</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="93"/>
        <source>Expired card</source>
        <translation>卡已过期</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="94"/>
        <source>Insert card</source>
        <translation>请插卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="95"/>
        <location filename="../../posdesk/devices/zvt/codes.py" line="113"/>
        <source>Please remove card</source>
        <translation>请取卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="96"/>
        <source>Card not readable</source>
        <translation>无法读卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="97"/>
        <source>Processing error</source>
        <translation>处理错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="98"/>
        <location filename="../../posdesk/devices/zvt/codes.py" line="106"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="99"/>
        <source>Starting automatic end-of-day</source>
        <translation>开始自动日结</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="100"/>
        <source>Invalid card</source>
        <translation>无效卡</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="101"/>
        <source>System malfunction</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="102"/>
        <source>Payment not possible</source>
        <translation>无法支付</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="103"/>
        <source>Credit not sufficient</source>
        <translation>额度不足</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="104"/>
        <source>Incorrect PIN</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="105"/>
        <source>Limit not sufficient</source>
        <translation>限额不足</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="107"/>
        <source>PIN try limit exceeded</source>
        <translation>密码尝试次数超限</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="108"/>
        <source>Card data incorrect</source>
        <translation>卡数据错误</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="109"/>
        <source>Approved, please fill up</source>
        <translation>已批准，请加油</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="110"/>
        <source>Approved, please take goods</source>
        <translation>已批准，请取货</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="111"/>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="112"/>
        <source>Application selection, please wait</source>
        <translation>正在选择应用，请稍候</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="114"/>
        <source>Card inserted</source>
        <translation>卡已插入</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="115"/>
        <source>Waiting for the cashier</source>
        <translation>等待收银员</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="116"/>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="117"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="118"/>
        <source>Waiting for application selection</source>
        <translation>等待选择应用</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="119"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="120"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="121"/>
        <source>Offline transaction</source>
        <translation>离线交易</translation>
    </message>
    <message>
        <location filename="../../posdesk/devices/zvt/codes.py" line="136"/>
        <source>Terminal status {code}</source>
        <translation>终端状态 {code}</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../posdesk/ui/wizard/pages_devices.py" line="34"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
</context>
</TS>
