/** Addresses of the project pages. Client-safe (pages build their links with it). */
export function projectUrl(projectId: string, rest = ""): string {
  return `/projet/${projectId}${rest}`;
}
