"""Serial devices: card terminal (ZVT), receipt printer (ESC/POS), drawer, scanner, simulators."""
