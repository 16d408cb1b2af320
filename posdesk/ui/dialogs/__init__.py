"""Dialogs of the checkout: each opens window-modal with `open()` and reports through signals,
so neither the event loop nor a test ever blocks inside one."""
