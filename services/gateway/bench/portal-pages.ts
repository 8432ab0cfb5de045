/**
 * The portal's five most used pages under concurrent users, against the platform the start command runs:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register services/gateway/bench/portal-pages.ts [users] [seconds] [gatewayUrl]
 * (defaults 50 20 http://127.0.0.1:3000). Run `npm start` first. For the most honest figures, start the platform
 * with RATE_LIMITS=off for the gateway, or the per-user read limit (600 a minute) answers 429 to a user who clicks
 * this fast; the script counts 429s apart.
 *
 * Signs `users` teachers in through the real sign-in (the development issuer's page, the callback, a session cookie
 * each), then for each page keeps `users` requests in flight for `seconds` — each user asking again as soon as their
 * page arrived — from this process, not from inside the gateway, and prints the time to the whole page per page:
 * p50, p95, p99, pages a second. On one machine the load generator shares the cores with the platform, so the
 * figures are an upper bound of the server's own time.
 */
const [usersArg, secondsArg, urlArg] = process.argv.slice(2);
const USERS = Number(usersArg) || 50;
const SECONDS = Number(secondsArg) || 20;
const GATEWAY = urlArg ?? 'http://127.0.0.1:3000';
const TEACHERS = ['docent-anne', 'docent-bram', 'docent-carla', 'docent-daan'];

/** Cookies per origin, as a browser keeps them (path and expiry do not matter for one sign-in). */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(url: URL, response: Response): void {
    const cookies = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    this.byOrigin.set(url.origin, cookies);
  }
}

/** Follows redirects by hand, keeping cookies per origin; the last answer. */
async function browse(jar: CookieJar, start: string, init: RequestInit = {}): Promise<{ response: Response; url: URL }> {
  let url = new URL(start);
  let request: RequestInit = init;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { ...request, redirect: 'manual', headers: { ...(request.headers as Record<string, string>), cookie: jar.header(url) } });
    jar.keep(url, response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url };
    await response.arrayBuffer();
    url = new URL(location, url);
    request = {};
  }
  throw new Error(`too many redirects from ${start}`);
}

/** A session of `account` through the real sign-in: the gateway's redirect, the issuer's page, its form, the callback. */
async function signIn(account: string): Promise<string> {
  const jar = new CookieJar();
  const { response: loginPage, url } = await browse(jar, `${GATEWAY}/auth/login?returnTo=%2F`);
  const action = /<form method="post" action="([^"]+)"/.exec(await loginPage.text())?.[1];
  if (!action) throw new Error(`no sign-in form at ${url.href}`);
  const { response, url: landed } = await browse(jar, new URL(action, url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account }).toString(),
  });
  await response.arrayBuffer();
  if (landed.origin !== new URL(GATEWAY).origin || response.status !== 200) throw new Error(`sign-in of ${account} ended at ${landed.href} (${response.status})`);
  return jar.header(new URL(GATEWAY));
}

interface PageFigures {
  readonly latencies: number[];
  readonly statuses: Map<number, number>;
}

async function load(path: string, cookies: readonly string[]): Promise<PageFigures> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    cookies.map(async (cookie) => {
      while (performance.now() < until) {
        const started = performance.now();
        const response = await fetch(`${GATEWAY}${path}`, { headers: { cookie } });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 200) latencies.push(performance.now() - started);
      }
    }),
  );
  return { latencies, statuses };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const cookies: string[] = [];
  for (let user = 0; user < USERS; user += 10) {
    cookies.push(...(await Promise.all(Array.from({ length: Math.min(10, USERS - user) }, (_, n) => signIn(TEACHERS[(user + n) % TEACHERS.length])))));
  }
  // An offer to open: the first in the search results.
  const search = await (await fetch(`${GATEWAY}/aanbod`, { headers: { cookie: cookies[0] } })).text();
  const offerPath = /href="(\/aanbod\/[0-9a-f-]{36})"/.exec(search)?.[1];
  if (!offerPath) throw new Error('no offer link on /aanbod: is the demo data loaded?');
  const pages = ['/', '/aanbod', '/aanbod?q=lezen&plaatsen=ja', offerPath, '/mijn/inschrijvingen'];
  console.log(`portal pages: ${USERS} signed-in teachers, each asking again as soon as a page arrives, ${SECONDS} s per page, against ${GATEWAY}`);
  console.log('| page | pages | pages/s | p50 ms | p95 ms | p99 ms | other answers |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const page of pages) {
    const { latencies, statuses } = await load(page, cookies);
    const sorted = [...latencies].sort((a, b) => a - b);
    const others = [...statuses].filter(([status]) => status !== 200).map(([status, count]) => `${count} × ${status}`);
    console.log(
      `| ${page.startsWith('/aanbod/') ? '/aanbod/{offerId}' : page} | ${sorted.length} | ${(sorted.length / SECONDS).toFixed(0)} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${others.join(', ') || '–'} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
