/// <reference lib="dom" />
import { html, render } from 'lit-html';
import { initLanguage, language, t } from './core/i18n';
import { homePagesFor, root, showSignIn } from './core/page';
import { prepareSignIn } from './core/provider-session';
import { adoptTokenFromAddress, type Session, type SignedOutReason } from './core/session';

/** `/`: straight to the page of the reader's role; a choice when they have several. */
const start = (session: Session | SignedOutReason): void => {
  if (typeof session === 'string') return showSignIn(session);
  const pages = homePagesFor(session.roles);
  if (pages.length === 1) return location.replace(pages[0].path);
  document.documentElement.lang = language();
  render(
    html`<main id="main">
      <h1>Regie</h1>
      ${
        pages.length === 0
          ? html`<p role="alert">${t('signin.wrongRole')}</p>`
          : html`<p>${t('home.choose')}</p>
              <ul>
                ${pages.map((page) => html`<li><a href=${page.path}>${t(page.label)}</a></li>`)}
              </ul>`
      }
    </main>`,
    root(),
  );
};

initLanguage(localStorage, navigator.languages);
adoptTokenFromAddress();
void prepareSignIn().then(start);
