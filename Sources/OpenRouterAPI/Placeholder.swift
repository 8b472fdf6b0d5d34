// OpenRouterAPI: placeholder until the module is written.
