"""ZVT, the ECR interface of German and European card terminals, over RS-232.

Three layers, each testable from bytes: `framing` (DLE STX ... DLE ETX, CRC, ACK/NAK),
`apdu`/`bmp`/`tlv`/`messages` (what the bytes mean) and `client` (the conversation with a
terminal). `simulator` is a terminal that speaks the same bytes on the other end of a pty.
"""
