/// <reference lib="dom" />
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { useToken } from './api';
import { initLanguage, language, rememberLanguage, t, type Language, type TextKey } from './i18n';
import { Labels, loadLabels, rememberedLabels, rememberLabels } from './labels';

const NO_LABELS = new Labels({ layers: [], channels: [] });
import { prepareSignIn, providerSignIn } from './provider-session';
import { adoptTokenFromAddress, forgetSession, type Session, type SignedOutReason } from './session';
import { problemText } from './ui';

export interface PageContext {
  readonly session: Session;
  /** The concept's labels; until they have arrived (before the first render), ids stand for themselves. */
  readonly labels: Labels;
  /**
   * For a page's start, which runs beside the labels' request: resolves once there are labels, at once with
   * those remembered from an earlier page; `labels` is the freshest from then on.
   */
  readonly labelsReady: Promise<Labels>;
  /** Aborted when the reader signs out or is signed out. */
  readonly signal: AbortSignal;
  /** Renders the page again from its state. */
  update(): void;
  /** Read out by screen readers (a polite live region). */
  announce(text: string): void;
  has(role: string): boolean;
}

export interface DeskPage {
  readonly path: string;
  readonly title: TextKey;
  /** Roles of which the reader needs one. */
  readonly roles: readonly string[];
  start(context: PageContext): void;
  view(context: PageContext): TemplateResult;
}

/** The pages each role works on, as in the sign-in links. */
export const PAGES: readonly { readonly path: string; readonly label: TextKey; readonly roles: readonly string[] }[] = [
  { path: '/agent', label: 'nav.agent', roles: ['agent'] },
  { path: '/supervisor', label: 'nav.supervisor', roles: ['supervisor', 'auditor'] },
  { path: '/manager', label: 'nav.manager', roles: ['manager', 'supervisor'] },
];

/** Where `/` sends each role. */
const HOME_OF_ROLE: Readonly<Record<string, string>> = {
  agent: '/agent',
  supervisor: '/supervisor',
  auditor: '/supervisor',
  manager: '/manager',
};

/** The pages `/` may lead the reader to: one per role, in the order of PAGES. */
export const homePagesFor = (roles: readonly string[]) => {
  const homes = new Set(roles.map((role) => HOME_OF_ROLE[role]));
  return PAGES.filter((page) => homes.has(page.path));
};

export const pagesFor = (roles: readonly string[]) => PAGES.filter((page) => page.roles.some((role) => roles.includes(role)));

let cleared = false;

/** Where the page renders; the server's placeholder ("Loading…") goes the first time, since lit-html renders after what is there. */
export const root = (): HTMLElement => {
  const element = document.getElementById('app') ?? document.body;
  if (!cleared) {
    element.replaceChildren();
    cleared = true;
  }
  return element;
};

const languageSwitch = (onChange: () => void) => html`
  <div class="language">
    <label for="language">${t('nav.language')}</label>
    <select
      id="language"
      @change=${(event: Event) => {
        rememberLanguage(localStorage, (event.target as HTMLSelectElement).value as Language);
        onChange();
      }}
    >
      <option value="nl" ?selected=${language() === 'nl'} lang="nl">Nederlands</option>
      <option value="en" ?selected=${language() === 'en'} lang="en">English</option>
    </select>
  </div>
`;

const frame = (title: string, header: TemplateResult, content: TemplateResult, live = '') => html`
  <a class="skip" href="#main">${t('nav.skip')}</a>
  <header class="top">${header}</header>
  <main id="main" tabindex="-1">
    <h1>${title}</h1>
    ${content}
  </main>
  <div class="visually-hidden" aria-live="polite">${live}</div>
`;

const setDocument = (title: TextKey): void => {
  document.documentElement.lang = language();
  document.title = `${t(title)} — Regie`;
};

/** Shown instead of a page when there is no usable token: how to sign in. */
export const showSignIn = (reason: SignedOutReason, title: TextKey = 'signin.title'): void => {
  const offer = providerSignIn(reason);
  const how = offer
    ? () =>
        html`<p>${t('signin.provider.how')}</p>
          <button type="button" @click=${offer}>${t('signin.provider')}</button>`
    : () => html`<p>${t('signin.how')}</p>`;
  const draw = (): void => {
    setDocument(title);
    const header = html`<span class="brand">Regie</span>${languageSwitch(draw)}`;
    render(
      frame(
        t('signin.title'),
        header,
        html`<p class="notice" role="alert">${t(`signin.${reason}`)}</p>
          ${how()}`,
      ),
      root(),
    );
  };
  draw();
};

/** Signs the reader in from the address or the tab's storage, then starts the page, or explains what is missing. */
export const runPage = (page: DeskPage): void => {
  initLanguage(localStorage, navigator.languages);
  adoptTokenFromAddress();
  void prepareSignIn().then((session) => startPage(page, session));
};

const startPage = (page: DeskPage, session: Session | SignedOutReason): void => {
  if (typeof session === 'string') return showSignIn(session, page.title);
  const controller = new AbortController();
  const signOut = (reason: SignedOutReason): void => {
    controller.abort();
    showSignIn(reason, page.title);
  };
  useToken(session.token, signOut);
  let live = '';
  // Those remembered from an earlier page, if any: the page renders and asks for its data at once.
  const remembered = rememberedLabels(localStorage);
  let labels: Labels | undefined = remembered;
  let update = (): void => undefined;
  const header = (): TemplateResult => html`
    <span class="brand">Regie${labels?.source.organisation ? html` · ${labels.source.organisation}` : nothing}</span>
    <nav aria-label=${t('nav.pages')}>
      <ul>
        ${pagesFor(session.roles).map(
          (link) => html`<li><a href=${link.path} aria-current=${link.path === page.path ? 'page' : 'false'}>${t(link.label)}</a></li>`,
        )}
      </ul>
    </nav>
    ${languageSwitch(() => update())}
    <span class="who">${t('nav.signedInAs', { sub: session.sub })}</span>
    <button type="button" @click=${() => (forgetSession(), signOut('signed-out'))}>${t('nav.signOut')}</button>
  `;
  if (!page.roles.some((role) => session.roles.includes(role))) {
    setDocument(page.title);
    const others = pagesFor(session.roles);
    const content = html`<p class="notice" role="alert">${t('signin.wrongRole')}</p>
      ${
        others.length
          ? html`<ul>
              ${others.map((link) => html`<li><a href=${link.path}>${t(link.label)}</a></li>`)}
            </ul>`
          : nothing
      }`;
    render(frame(t(page.title), header(), content), root());
    return;
  }
  // The labels and the page's own data are asked for side by side; the page renders once there are labels.
  const fresh = loadLabels();
  const labelsReady = remembered ? Promise.resolve(remembered) : fresh;
  update = () => {
    if (controller.signal.aborted || !labels) return;
    setDocument(page.title);
    render(frame(t(page.title), header(), page.view(context), live), root());
  };
  const context: PageContext = {
    session,
    get labels() {
      return labels ?? NO_LABELS;
    },
    labelsReady,
    signal: controller.signal,
    update: () => update(),
    announce: (text) => {
      live = text;
      update();
    },
    has: (role) => session.roles.includes(role),
  };
  fresh.then(
    (loaded) => {
      rememberLabels(localStorage, loaded);
      // The same as those remembered (nearly always): nothing to render again.
      const same = remembered !== undefined && JSON.stringify(remembered.source) === JSON.stringify(loaded.source);
      labels = loaded;
      if (!same) update();
    },
    (error: unknown) => {
      // With remembered labels the page goes on; its own requests say what is wrong, if anything is.
      if (!controller.signal.aborted && !remembered)
        render(frame(t(page.title), header(), html`<p role="alert">${problemText(error)}</p>`), root());
    },
  );
  page.start(context);
};
