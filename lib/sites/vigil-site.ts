// Vigil's own site (created by migration 0009, never deleted): the console shows it when a URL names no site.
// Pure and dependency-free, so client islands (the site switcher, the nav) can import it.
export const VIGIL_SITE_ID = 1;
export const VIGIL_SITE_SLUG = "vigil";
