/**
 * A browser as far as sign-in needs one: follows redirects itself, one cookie jar per origin (the gateway's and the
 * issuer's are different hosts), and can submit the issuer's login form.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  /** The cookie `name` the browser holds for `origin`. */
  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(new URL(origin).origin)?.get(name);
  }

  /** Sends one request with the origin's cookies; keeps what it sets; does not follow a redirect. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const cookie = [...jar.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` until an answer that is not one; the last answer and the URLs passed. */
  async follow(url: string, stopAt?: (next: URL) => boolean): Promise<{ response: Response; visited: string[] }> {
    const visited: string[] = [];
    let current = url;
    for (let hop = 0; hop < 20; hop++) {
      visited.push(current);
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, visited };
      const next = new URL(location, current);
      if (stopAt?.(next)) {
        visited.push(next.href);
        return { response, visited };
      }
      current = next.href;
    }
    throw new Error(`too many redirects: ${visited.join(' → ')}`);
  }
}
