# Placeholder: tvmcrt_add_model() and tvmcrt_link_models() (owned by the model-import work).
