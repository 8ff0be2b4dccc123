// The REST API as the page uses it: JSON calls with the session's anti-forgery token, and streamed chat turns.

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
  }
}

async function failure(response) {
  let problem = null;
  try { problem = await response.json(); } catch { /* not JSON */ }
  return new ApiError(response.status, problem);
}

export async function session() {
  const response = await fetch('/auth/session', { credentials: 'same-origin' });
  const body = await response.json();
  csrfToken = body.csrf_token;
  return body;
}

export async function call(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-TOKEN'] = csrfToken;
  const response = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

/** Sends a question and calls onEvent(name, data) for each server-sent event until the turn is done. */
export async function ask(threadId, text, onEvent) {
  const response = await fetch(`/api/chat/threads/${encodeURIComponent(threadId)}/messages`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'X-CSRF-TOKEN': csrfToken },
    body: JSON.stringify({ text }),
  });
  if (!response.ok) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let finished = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = [...block.matchAll(/^data: (.*)$/gm)].map(m => m[1]).join('\n');
      if (!name || !data) continue;
      finished ||= name === 'done' || name === 'error';
      await onEvent(name, JSON.parse(data));
    }
  }
  // A stream cut before its end (server restart, network) must not leave a reply waiting forever.
  if (!finished) throw new ApiError(0, { detail: 'The connection closed before the answer was complete. Ask again.' });
}
