"""Templates: reading a .pptx/.potx, indexing its layouts, and mapping slide roles onto them."""
