/** Any address no other route claims: a 404 inside the site's layout. */
export function loader() {
  throw new Response("Cette page n'existe pas ou a été déplacée.", { status: 404 });
}

export default function NotFound() {
  return null;
}
