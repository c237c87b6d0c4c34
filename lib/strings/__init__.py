"""The UI strings, one module per page (each defines STRINGS); lib.i18n merges them."""
