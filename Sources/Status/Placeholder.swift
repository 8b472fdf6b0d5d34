// Status: placeholder until the module is written.
