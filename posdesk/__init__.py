"""posdesk: countertop cashier with sealed audio/video evidence for every sale."""
