"""Documents in and out: loading and validating plans, the library, schemas, safe writes."""
