"""Card payments in the cashier's window: the flow controller and its panel."""
