# Placeholder: the firmware cross build as an external project (owned by the firmware work).
