/** A site's status page as Settings → Sites shows it (admins); pure, so client forms can import the type. */
export type StatusPageSettings = { enabled: boolean; title: string; description: string; path: string };

export const statusPagePath = (slug: string) => `/status/${slug}`;
