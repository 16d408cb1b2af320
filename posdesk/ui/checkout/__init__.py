"""The checkout screen: cart, totals, item entry, keypad, function keys, camera preview."""
