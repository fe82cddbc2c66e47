/** Builders for schema.org JSON-LD. Pure functions over data the pages already hold. */

export interface OrgInput {
  name: string;
  alternateName: string;
  description: string;
  url: string;
  foundedBy: string[];
  areaServed: string;
}

export function organization(o: OrgInput) {
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalOrganization',
    name: o.name,
    alternateName: o.alternateName,
    description: o.description,
    url: o.url,
    areaServed: { '@type': 'AdministrativeArea', name: o.areaServed },
    founder: o.foundedBy.map((name) => ({ '@type': 'Organization', name })),
  };
}

export function breadcrumbList(items: { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((it, i) => ({ '@type': 'ListItem', position: i + 1, name: it.name, item: it.url })),
  };
}

/** Serialises JSON-LD for a <script> element: `<` escaped so text can never close the element. */
export function toJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
