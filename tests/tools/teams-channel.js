#!/usr/bin/env node
// A local stand-in for the Bot Framework channel, for the round trip with the official Web Chat client:
//  - offline-directline's router speaks Direct Line (polling) to Web Chat and the Bot Connector REST API to the bot;
//  - every activity forwarded to the bot is signed as Azure Bot Service signs them (RS256 JWT: issuer, audience = the
//    bot's app id, serviceurl claim), with a key made at start and published at /issuer/.well-known/openid-configuration;
//    the bot is configured to trust that issuer, so the round trip goes through its token validation;
//  - /issuer/token gives the bot an app token (client credentials); every Bot Connector call must carry it;
//  - offline-directline has no "update activity" (PUT) and answers posted activities without their id: the shim below
//    adds both, so a card replaced by the bot is replaced in Web Chat (which keeps one activity per id);
//  - / is a page with Web Chat's prebuilt bundle (dist/webchat.js) connected to this Direct Line.
// Usage: node teams-channel.js --port N --bot URL --app-id ID --app-password SECRET
// Prints one line, "listening on http://127.0.0.1:N", once ready.
'use strict';
const crypto = require('crypto');
const path = require('path');
const express = require('express');
const { getRouter } = require('offline-directline');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const port = Number(args.port);
const botUrl = args.bot;
const appId = args['app-id'];
const appPassword = args['app-password'];
if (!port || !botUrl || !appId || !appPassword) {
  console.error('usage: node teams-channel.js --port N --bot URL --app-id ID --app-password SECRET');
  process.exit(2);
}
const origin = `http://127.0.0.1:${port}`;
const issuer = `${origin}/issuer`;

// --- The channel's signing key and the bot's app token ---------------------------------------------
const kid = crypto.randomUUID();
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const base64url = value => Buffer.from(JSON.stringify(value)).toString('base64url');
function sign(claims) {
  const unsigned = `${base64url({ alg: 'RS256', typ: 'JWT', kid })}.${base64url(claims)}`;
  return `${unsigned}.${crypto.sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}
const appToken = crypto.randomBytes(24).toString('base64url');

const app = express();
app.get('/issuer/.well-known/openid-configuration', (req, res) =>
  res.json({ issuer, jwks_uri: `${issuer}/keys`, token_endpoint: `${issuer}/token`, id_token_signing_alg_values_supported: ['RS256'] }));
app.get('/issuer/keys', (req, res) => res.json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] }));
app.post('/issuer/token', express.urlencoded({ extended: false }), (req, res) => {
  if (req.body.grant_type !== 'client_credentials' || req.body.client_id !== appId || req.body.client_secret !== appPassword) {
    return res.status(401).json({ error: 'invalid_client' });
  }
  res.json({ token_type: 'Bearer', expires_in: 3600, access_token: appToken });
});

// --- Channel to bot: sign what offline-directline forwards ------------------------------------------
app.post('/channel/to-bot', express.json({ limit: '1mb' }), async (req, res) => {
  const now = Math.floor(Date.now() / 1000);
  const token = sign({ iss: issuer, aud: appId, serviceurl: req.body.serviceUrl, nbf: now - 5, iat: now, exp: now + 3600 });
  try {
    const answer = await fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(req.body) });
    res.status(answer.status).type(answer.headers.get('content-type') || 'text/plain').send(await answer.text());
  } catch (error) {
    console.error(`the bot is unreachable: ${error.message}`);
    res.status(502).end();
  }
});

// --- Bot to channel: the app token is required; PUT updates an activity; posts answer with their id ----------
app.use('/v3/conversations', express.json({ limit: '1mb' }), (req, res, next) => {
  if (req.headers.authorization !== `Bearer ${appToken}`) {
    return res.status(401).json({ error: { code: 'Unauthorized', message: 'the bot did not send its app token' } });
  }
  const update = req.method === 'PUT' && /^\/([^/]+)\/activities\/([^/]+)$/.exec(req.path);
  if (update) {
    // Re-posted as a new activity that keeps the original id: Web Chat then shows it in place of the old one.
    req.method = 'POST';
    req.url = `/${update[1]}/activities`;
  }
  const send = res.send.bind(res);
  res.send = body => {
    if (res.statusCode !== 200 || !req.body || !req.body.id) {
      return send(body);
    }
    if (update) {
      req.body.id = decodeURIComponent(update[2]);
    }
    res.type('json');
    return send(JSON.stringify({ id: req.body.id }));
  };
  next();
});
app.use(getRouter(origin, `${origin}/channel/to-bot`));

// --- The Web Chat page --------------------------------------------------------------------------
app.get('/webchat.js', (req, res) => res.sendFile(path.join(__dirname, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js')));
app.get('/', (req, res) => res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Web Chat</title><script src="/webchat.js"></script></head>
<body style="margin:0"><main id="webchat" style="height:100vh"></main>
<script>
  const query = new URLSearchParams(location.search);
  window.WebChat.renderWebChat({
    directLine: window.WebChat.createDirectLine({ domain: location.origin + '/directline', webSocket: false, pollingInterval: 250 }),
    userID: query.get('user') || 'user', username: query.get('name') || 'User', locale: 'en-US'
  }, document.getElementById('webchat'));
</script></body></html>`));

app.listen(port, '127.0.0.1', () => console.log(`listening on ${origin}`));
