"""Quality gates for the built site: the pages they audit, a server that behaves like the
static host, and the Lighthouse and link runners. Nothing here is part of the site."""
