import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@napl/auth';
import { NAPL_THEME_CSS } from '../ui/napl-theme';

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

function asset(text: string, type: string): Asset {
  const body = Buffer.from(text, 'utf8');
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/**
 * The only script: it enhances, the pages work without it. It moves focus to the error summary after a refused
 * post (so a screen reader announces it), asks before a form marked data-confirm is sent, and keeps a region marked
 * data-refresh-ms (a long operation's progress, an aria-live region) up to date by fetching the page again and
 * taking that region from it, until the region no longer asks for it. Without the script the page has a link to
 * load it again.
 */
const PORTAL_SCRIPT = `
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    });
  });
  document.querySelectorAll('[data-refresh-ms][id]').forEach(function (region) {
    var refresh = function () {
      fetch(window.location.href, { credentials: 'same-origin' })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var next = new DOMParser().parseFromString(html, 'text/html').getElementById(region.id);
          if (!next) return;
          region.innerHTML = next.innerHTML;
          if (next.hasAttribute('data-refresh-ms')) window.setTimeout(refresh, Number(next.getAttribute('data-refresh-ms')));
        });
    };
    window.setTimeout(refresh, Number(region.getAttribute('data-refresh-ms')));
  });
});
`;

/**
 * The portal's style sheet (NL Design System components and the platform's own tokens) and its one script, the same
 * for everyone: public, without a session, cached by the browser and revalidated by ETag.
 */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  private readonly assets: Record<string, Asset> = {
    'portal.css': asset(`${readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8')}\n${NAPL_THEME_CSS}`, 'text/css; charset=utf-8'),
    'portal.js': asset(PORTAL_SCRIPT, 'text/javascript; charset=utf-8'),
  };

  @Get('portal.css')
  styles(@Req() request: Request, @Res() response: Response): void {
    this.send(this.assets['portal.css'], request, response);
  }

  @Get('portal.js')
  script(@Req() request: Request, @Res() response: Response): void {
    this.send(this.assets['portal.js'], request, response);
  }

  private send(found: Asset, request: Request, response: Response): void {
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.setHeader('ETag', found.etag);
    if (request.headers['if-none-match'] === found.etag) {
      response.status(304).end();
      return;
    }
    response.status(200).type(found.type).send(found.body);
  }
}
