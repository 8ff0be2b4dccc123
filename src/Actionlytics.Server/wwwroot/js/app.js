// The web chat: sign-in, the sidebar (communities, conversations, campaigns waiting for approval), the conversation
// with streamed replies, and the composer. The server decides what each user may do; the page only reflects it.
import { ask, call, session } from './api.js';
import { renderMarkdown } from './markdown.js';
import { TOOLS, campaignCard, el, proposalCard, toolView } from './views.js';

const $ = id => document.getElementById(id);
const state = { session: null, community: null, threadId: null };

const SLASH_COMMANDS = {
  '/scores': 'Who are the inactive members with the highest reactivation score?',
  '/trend': 'How has activity evolved over the last 3 months?',
  '/lifecycle': 'Show the member lifecycle over the last 6 months',
  '/segments': 'How many inactive members are in each segment?',
  '/retention': 'Show retention by monthly cohort',
  '/campaign': 'Draft a reactivation campaign for recently lapsed regulars',
};

const canDecide = () => ['manager', 'admin'].includes(state.community?.role);

/** A thread title from the question: whole words, an ellipsis when cut. */
const titleOf = question => question.length <= 60 ? question : question.slice(0, question.lastIndexOf(' ', 58) > 30 ? question.lastIndexOf(' ', 58) : 58) + '…';

/** At phone width the sidebar covers the conversation: fold it once a choice is made. */
const foldSidebar = () => {
  if (!$('sidebar').classList.contains('open')) return;
  $('sidebar').classList.remove('open');
  $('menu').setAttribute('aria-expanded', 'false');
  $('menu').focus();
};

/** Failures of the sidebar's own calls are shown, never swallowed. */
const reportError = e => appendSystem(`Something went wrong: ${e.message}`);

async function start() {
  applyTheme(localStorage.getItem('theme') || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  state.session = await session();
  if (!state.session.signed_in) return showSignIn();
  $('signin').hidden = true;
  $('workspace').hidden = false;
  $('who').textContent = `Signed in as ${state.session.name}`;
  const communities = state.session.communities;
  $('community').replaceChildren(...communities.map(c => el('option', { value: c.slug, text: c.name })));
  if (!communities.length) {
    appendSystem(`You have no role in any community yet. Ask an admin of the community to run: actionlytics community grant COMMUNITY --user ${state.session.user} --role viewer (or manager)`);
    $('composer-input').disabled = true;
    return;
  }
  await selectCommunity(communities[0].slug);
}

function showSignIn() {
  $('workspace').hidden = true;
  $('signin').hidden = false;
  const methods = state.session.methods;
  $('dev-signin').hidden = !methods.development;
  $('oidc-signin').hidden = !methods.oidc;
  $('oidc-name').textContent = methods.oidc ?? '';
  if (!methods.development && !methods.oidc) $('signin-error').textContent = 'No sign-in is configured on this server (SignIn:Oidc).';
}

async function selectCommunity(slug) {
  state.community = state.session.communities.find(c => c.slug === slug);
  $('community').value = slug;
  $('role').textContent = `Your role: ${state.community.role}`;
  state.threadId = null;
  $('log').replaceChildren();
  $('thread-title').textContent = 'New conversation';
  await Promise.all([loadThreads(), loadApprovals()]).catch(reportError);
}

async function loadThreads() {
  const threads = await call('GET', `/api/chat/threads?community=${encodeURIComponent(state.community.slug)}`);
  $('threads').replaceChildren(...threads.map(t => {
    const button = el('button', { type: 'button', text: t.title, 'aria-current': String(t.id === state.threadId) });
    button.addEventListener('click', () => { foldSidebar(); openThread(t.id, t.title).catch(reportError); });
    return el('li', {}, button);
  }));
}

async function loadApprovals() {
  const campaigns = await call('GET', `/api/communities/${encodeURIComponent(state.community.slug)}/campaigns`);
  const waiting = campaigns.filter(c => c.state === 'pending_approval');
  $('approvals').replaceChildren(...(waiting.length ? waiting.map(c => {
    const button = el('button', { type: 'button', text: `#${c.id} ${c.name}` });
    button.addEventListener('click', async () => {
      foldSidebar();
      try { const card = await campaignCard(c.id, canDecide(), () => loadApprovals().catch(reportError)); $('log').append(card); card.focus(); }
      catch (e) { reportError(e); }
    });
    return el('li', {}, button);
  }) : [el('li', { text: 'Nothing waiting.' })]));
}

async function openThread(id, title) {
  state.threadId = id;
  $('thread-title').textContent = title;
  $('log').replaceChildren();
  const thread = await call('GET', `/api/chat/threads/${encodeURIComponent(id)}`);
  for (const turn of thread.turns) {
    appendUser(turn.question);
    const message = appendAssistant();
    await showTurn(message, turn.result);
  }
  await loadThreads();
}

function appendUser(text) {
  const message = el('article', { class: 'message user' }, el('span', { class: 'author', text: 'You' }));
  message.append(el('div', { class: 'text', text }));
  $('log').append(message);
  return message;
}

function appendSystem(text) { $('log').append(el('p', { class: 'message system', role: 'status', text })); }

function appendAssistant() {
  const message = el('article', { class: 'message assistant', 'aria-busy': 'true' },
    el('span', { class: 'author', text: 'Actionlytics' }), el('span', { class: 'badge', text: 'AI-generated' }),
    el('ul', { class: 'progress', 'aria-label': 'What the agent is doing' }), el('div', { class: 'answer' }));
  $('log').append(message);
  return message;
}

/** Draws a finished turn: the answer, then tables and charts, files, citations and approval cards. */
async function showTurn(message, turn) {
  const answer = message.querySelector('.answer');
  answer.replaceChildren(renderMarkdown(turn.answer));
  // How the question was read (period, day, threshold, filters), so a misreading shows before anyone acts on a figure.
  if (turn.reading) answer.append(el('p', { class: 'reading', text: turn.reading }));
  // Nothing answered: the closest questions the agent can answer, one click each.
  if (turn.suggestions?.length) {
    answer.append(el('div', { class: 'suggestions', role: 'group', 'aria-label': 'Questions I can answer' },
      ...turn.suggestions.map(s => {
        const choice = el('button', { type: 'button', class: 'suggestion', text: s });
        choice.addEventListener('click', () => send(s));
        return choice;
      })));
  }
  // Each call's view comes from the tool's own entry; links to charts and exports are the ones the tool returned.
  const context = { campaignCard: id => campaignCard(id, canDecide(), () => loadApprovals().catch(reportError)) };
  for (const c of turn.tool_calls) {
    try {
      const view = await toolView(c, context);
      if (view) message.append(view);
    } catch (e) { message.append(el('p', { class: 'error', role: 'alert', text: e.message })); }
  }
  for (const approval of turn.pending_approvals) {
    message.append(proposalCard(turn.thread_id, approval, canDecide(), async decided => {
      const next = appendAssistant();
      await showTurn(next, decided);
      next.removeAttribute('aria-busy');
    }));
  }
  message.removeAttribute('aria-busy');
  $('log').scrollTop = $('log').scrollHeight;
}

let busy = false;

async function send(text) {
  text = text.trim();
  if (!text || busy) return;
  if (text === '/help') { appendSystem(Object.entries(SLASH_COMMANDS).map(([k, v]) => `${k}: ${v}`).join('\n')); return; }
  const question = SLASH_COMMANDS[text.split(/\s/)[0]] ?? text;
  const input = $('composer-input');
  input.value = '';
  busy = true;
  $('send').disabled = true;
  let message = null;
  try {
    if (!state.threadId) {
      const thread = await call('POST', '/api/chat/threads', { community: state.community.slug, title: titleOf(question) });
      state.threadId = thread.id;
      $('thread-title').textContent = thread.title;
    }
    appendUser(question);
    message = appendAssistant();
    const progress = message.querySelector('.progress');
    const answer = message.querySelector('.answer');
    let streamed = '';
    await ask(state.threadId, question, async (event, data) => {
      if (event === 'tool_started') {
        progress.append(el('li', { 'data-tool': data.tool, text: `${TOOLS[data.tool]?.label ?? data.tool}…` }));
      } else if (event === 'tool_finished') {
        const item = [...progress.querySelectorAll('li:not(.done)')].find(li => li.dataset.tool === data.tool);
        if (item) { item.classList.add('done'); item.textContent = `${TOOLS[data.tool]?.label ?? data.tool} (${Math.round(data.elapsed_milliseconds ?? 0)} ms)`; }
      } else if (event === 'answer') {
        streamed += data.text;
        answer.replaceChildren(renderMarkdown(streamed));
      } else if (event === 'done') {
        await showTurn(message, data);
      } else if (event === 'error') {
        answer.append(el('p', { class: 'error', role: 'alert', text: data.detail ?? data.title }));
        message.removeAttribute('aria-busy');
      }
    });
    await loadThreads().catch(reportError);
  } catch (e) {
    if (message) {
      message.querySelector('.answer').append(el('p', { class: 'error', role: 'alert', text: e.message }));
      message.removeAttribute('aria-busy');
    } else appendSystem(`Not sent: ${e.message}`);
  } finally {
    busy = false;
    $('send').disabled = false;
    input.focus();
  }
}

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  $('theme').setAttribute('aria-pressed', String(theme === 'dark'));
  $('theme').textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
  localStorage.setItem('theme', theme);
}

$('dev-signin').addEventListener('submit', async e => {
  e.preventDefault();
  try { await call('POST', '/auth/development', { user: $('dev-user').value }); await start(); }
  catch (error) { $('signin-error').textContent = error.message; }
});
$('signout').addEventListener('click', async () => { await call('POST', '/auth/signout').catch(reportError); await start(); });
$('close-menu').addEventListener('click', foldSidebar);
document.addEventListener('keydown', e => { if (e.key === 'Escape') foldSidebar(); });
$('community').addEventListener('change', e => selectCommunity(e.target.value).catch(reportError));
$('new-thread').addEventListener('click', () => { state.threadId = null; $('log').replaceChildren(); $('thread-title').textContent = 'New conversation'; $('composer-input').focus(); });
$('theme').addEventListener('click', () => applyTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark'));
$('menu').addEventListener('click', () => {
  const open = $('sidebar').classList.toggle('open');
  $('menu').setAttribute('aria-expanded', String(open));
});
$('composer').addEventListener('submit', e => { e.preventDefault(); send($('composer-input').value); });
$('composer-input').addEventListener('keydown', e => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(e.target.value); }
});

start().catch(e => { document.body.append(el('p', { class: 'error', role: 'alert', text: `The page could not start: ${e.message}` })); });
