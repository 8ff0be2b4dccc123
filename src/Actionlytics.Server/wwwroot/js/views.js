// What a turn shows besides its text: tables and charts drawn from the tools' results, files the tools made,
// playbook citations, and approval cards. Every value is set as text, never parsed as HTML.
import { call } from './api.js';

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') node.textContent = value; else node.setAttribute(key, value);
  }
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}

function dataTable(caption, columns, rows) {
  const table = el('table');
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  columns.forEach(c => head.append(el('th', { scope: 'col', text: c.label })));
  const body = table.createTBody();
  rows.forEach(row => { const tr = body.insertRow(); columns.forEach(c => tr.append(el('td', { text: String(c.value(row) ?? '') }))); });
  return table;
}

function chart(src, alt) { return el('img', { src, alt, loading: 'eager', width: '800', height: '450' }); }

/** A result's chart and exports, from the links the tool returned: they carry every parameter behind the numbers. */
function linkedChart(links, alt) { return links?.chart ? chart(links.chart, alt) : null; }

function exportLinks(links) {
  if (!links?.exports?.length) return null;
  return el('div', { class: 'exports' }, ...links.exports.map(e =>
    el('a', { class: 'button', href: e.url, download: '', text: `Export ${e.format.toUpperCase()}` })));
}

const percent = v => v === null || v === undefined ? '' : `${(v * 100).toFixed(1)}%`;

/** Files a tool made: charts inline, other files as downloads. */
export function artifactView(artifact) {
  if (artifact.media_type.startsWith('image/')) {
    return el('figure', { class: 'view' }, el('img', { src: artifact.url, alt: `Chart: ${artifact.title}` }), el('figcaption', { text: artifact.title }));
  }
  return el('div', { class: 'exports' }, el('a', { class: 'button', href: artifact.url, download: artifact.file_name, text: `Download ${artifact.file_name}` }));
}

function trendView(r) {
  return el('section', { class: 'view', 'aria-label': 'Activity trend' },
    el('h3', { text: `Activity from ${r.from} to ${r.to} (${r.granularity})${r.action ? `, ${r.action} only` : ''}` }),
    linkedChart(r.links, 'Chart: active members per period'),
    dataTable('Active members per period', [{ label: 'Period', value: p => p.start }, { label: 'Active', value: p => p.active_members }, { label: 'Members', value: p => p.members },
      { label: 'Activity rate', value: p => percent(p.activity_rate) }, { label: 'Gained', value: p => p.gained }, { label: 'Lost', value: p => p.lost },
      { label: r.action ? `${r.action} events` : 'Events', value: p => p.events }], r.periods),
    exportLinks(r.links));
}

function lifecycleView(r) {
  return el('section', { class: 'view', 'aria-label': 'Lifecycle' },
    el('h3', { text: `Lifecycle from ${r.from} to ${r.to} (${r.granularity})${r.action ? `, ${r.action} only` : ''}` }),
    linkedChart(r.links, 'Chart: new, returning, resurrecting and dormant members per period'),
    dataTable('Members per lifecycle state', [{ label: 'Period', value: p => p.start }, { label: 'Active', value: p => p.active }, { label: 'New', value: p => p.new },
      { label: 'Returning', value: p => p.returning }, { label: 'Resurrecting', value: p => p.resurrecting }, { label: 'Dormant', value: p => p.dormant }], r.periods),
    exportLinks(r.links));
}

function scoresView(r) {
  return el('section', { class: 'view', 'aria-label': 'Reactivation scores' },
    el('h3', { text: `Inactive members by reactivation score (${r.members.length} of ${r.matching.toLocaleString()})` }),
    dataTable('Ranked by reactivation score', [
      { label: '#', value: m => m.rank }, { label: 'Member', value: m => m.member_id }, { label: 'Name', value: m => m.display_name }, { label: 'Score', value: m => m.score },
      { label: 'Last active', value: m => m.last_active }, { label: 'Days inactive', value: m => m.recency_days },
      { label: 'Segment', value: m => m.segment }, { label: 'Profile', value: m => m.profile }],
      r.members.map((m, i) => ({ ...m, rank: i + 1 }))),
    linkedChart(r.links, 'Chart: inactive members per reactivation score band'),
    exportLinks(r.links));
}

function citations(hits) {
  if (!hits.length) return null;
  return el('section', { class: 'view citations', 'aria-label': 'Playbook citations' }, el('h3', { text: 'Sources (playbooks)' }),
    ...hits.map(h => el('details', {}, el('summary', { text: `${h.title} — ${h.section}` }), el('blockquote', { text: h.excerpt }), el('small', { text: h.citation }))));
}

/**
 * Every tool of the server's catalog, by name: what the progress list says while it runs, and the view of its result
 * (a table, a chart, export buttons, a card), or null. The one list of tool names on this side; a test checks it
 * covers the catalog.
 */
export const TOOLS = {
  activity_trend: { label: 'Measuring activity over time', view: trendView },
  compare_periods: {
    label: 'Comparing the two periods',
    view: r => el('section', { class: 'view', 'aria-label': 'Comparison' },
      el('h3', { text: `The two periods side by side${r.action ? `, ${r.action} only` : ''}` }),
      dataTable('Comparison', [{ label: 'Period', value: w => `${w.from} – ${w.to}` }, { label: 'Active', value: w => w.active_members },
        { label: 'Members', value: w => w.members }, { label: 'Activity rate', value: w => percent(w.activity_rate) }, { label: 'Events', value: w => w.events },
        { label: 'New', value: w => w.new_members }], [r.previous, r.current]),
      exportLinks(r.links)),
  },
  lifecycle: { label: 'Following members through their lifecycle', view: lifecycleView },
  count_actions: {
    label: 'Counting the actions',
    view: r => el('section', { class: 'view', 'aria-label': 'Actions' },
      el('h3', { text: `Actions from ${r.current.from} to ${r.current.to}${r.action ? `: ${r.action}` : ''}` }),
      dataTable('Events and members per action', [{ label: 'Period', value: w => `${w.from} – ${w.to}` }, { label: 'Events', value: w => w.events }, { label: 'Members', value: w => w.members }],
        r.previous ? [r.previous, r.current] : [r.current]),
      r.top.length ? dataTable(`Most active, by ${r.ranked_by.replace('_', ' ')}`, [{ label: 'Member', value: m => m.member_id }, { label: 'Events', value: m => m.events },
        { label: 'Active days', value: m => m.active_days }], r.top) : null),
  },
  retention_cohorts: {
    label: 'Computing retention by cohort',
    view: r => el('section', { class: 'view', 'aria-label': 'Retention' },
      el('h3', { text: `Retention by monthly cohort, ${r.from} to ${r.to}` }),
      linkedChart(r.links, 'Chart: share of each cohort active in the following months'),
      dataTable('Share of each cohort still active', [{ label: 'Cohort', value: c => c.month }, { label: 'Size', value: c => c.size },
        ...[1, 2, 3].map(m => ({ label: `Month ${m}`, value: c => percent(c.retained[m]) }))], r.cohorts),
      exportLinks(r.links)),
  },
  inactivity_scores: { label: 'Scoring inactive members', view: scoresView },
  explain_member: {
    label: 'Explaining the member\'s score',
    view: r => el('section', { class: 'view', 'aria-label': `Score of ${r.member_id}` },
      el('h3', { text: `${r.member_id}: score ${r.score}, last active ${r.last_active}` }),
      dataTable('What the score is made of', [{ label: 'Component', value: c => c.name }, { label: 'Points', value: c => c.points }, { label: 'Share', value: c => percent(c.share) }], r.components)),
  },
  list_segments: {
    label: 'Sizing the segments',
    view: r => el('section', { class: 'view', 'aria-label': 'Segments' },
      el('h3', { text: 'Inactive members by segment' }),
      linkedChart(r.links, 'Chart: inactive members per segment'),
      dataTable('Segments', [{ label: 'Segment', value: s => s.name }, { label: 'Members', value: s => s.members }, { label: 'Definition', value: s => s.definition }],
        [...r.segments, ...r.saved]),
      exportLinks(r.links)),
  },
  create_segment: {
    label: 'Preparing the segment',
    view: r => el('p', { class: 'view', role: 'status', text: `Saved segment ${r.name}: ${r.members.toLocaleString()} members (${r.definition}).` }),
  },
  render_chart: { label: 'Drawing the chart', view: r => artifactView(r.artifact) },
  export_table: { label: 'Exporting the table', view: r => artifactView(r.artifact) },
  search_playbooks: { label: 'Searching the playbooks', view: r => citations(r.playbooks) },
  draft_campaign: { label: 'Drafting the campaign', view: (r, context) => r.draft.campaign_id ? context.campaignCard(r.draft.campaign_id) : null },
  campaign_status: { label: 'Reading the campaign', view: (r, context) => context.campaignCard(r.campaign.id) },
  campaign_results: {
    label: 'Measuring the campaign\'s results',
    view: r => el('section', { class: 'view', 'aria-label': `Results of campaign ${r.campaign_id}` },
      el('h3', { text: `Campaign ${r.campaign_id}: who came back within ${r.goal_days} days` }),
      dataTable('Return rate per group', [{ label: 'Group', value: g => g.group }, { label: 'Need', value: g => g.need }, { label: 'Assigned', value: g => g.assigned },
        { label: 'Returned', value: g => g.returned }, { label: 'Rate', value: g => percent(g.rate) }], r.groups),
      artifactView(r.chart), artifactView(r.table)),
  },
};

/** The view of one tool call (or null); async views (campaign cards) resolve to a node. */
export function toolView(call_, context) {
  const r = call_.result;
  if (!r || r.error || r.text !== undefined) return null;
  return TOOLS[call_.name]?.view(r, context) ?? null;
}

function describeDecision(campaign) {
  if (!campaign.decided_by) return null;
  const verb = campaign.state === 'rejected' ? 'Rejected' : 'Approved';
  const when = new Date(campaign.decided_at).toLocaleString();
  return `${verb} by ${campaign.decided_by} at ${when}` + (campaign.rejection_reason ? ` (${campaign.rejection_reason})` : '');
}

/** A campaign's approval card: variants, group sizes, detectable effect, and Approve / Reject / Edit for managers. */
export async function campaignCard(id, canDecide, onChanged) {
  const card = el('section', { class: 'card', 'aria-label': `Campaign ${id}`, 'data-campaign': String(id), tabindex: '-1' });
  async function draw(focusDecision = false) {
    const { campaign } = await call('GET', `/api/campaigns/${id}`);
    card.replaceChildren(
      el('h3', {}, el('span', { class: 'badge', text: 'AI-generated proposal' }), ` Campaign ${campaign.id}: ${campaign.name}`),
      el('p', { text: `${campaign.audience.toLocaleString()} members of ${campaign.segment}${campaign.profile ? ` (${campaign.profile})` : ''}, by ${campaign.channel}; `
        + `holdout ${percent(campaign.holdout_share)}; baseline return ${percent(campaign.baseline_rate)}; minimum detectable effect ${percent(campaign.minimum_detectable_effect)}. `
        + `Version ${campaign.version}, ${campaign.state.replaceAll('_', ' ')}.` }),
      dataTable('Variants', [{ label: 'Variant', value: v => v.name }, { label: 'Need', value: v => v.need }, { label: 'Group size', value: v => v.group_size },
        { label: 'Subject', value: v => v.subject }, { label: 'Playbooks', value: v => v.playbooks.join(', ') }], campaign.variants));
    const decision = describeDecision(campaign);
    if (decision) {
      const text = el('p', { class: 'decision', role: 'status', tabindex: '-1', text: decision });
      card.append(text);
      if (focusDecision) text.focus();
    }
    if (campaign.state === 'pending_approval' && canDecide) {
      const approve = el('button', { type: 'button', class: 'primary', text: `Approve version ${campaign.version}` });
      const reason = el('input', { 'aria-label': 'Reason for rejecting (optional)', placeholder: 'Reason for rejecting (optional)', maxlength: '500' });
      const reject = el('button', { type: 'button', class: 'danger', text: 'Reject' });
      const edit = el('button', { type: 'button', text: 'Edit', 'aria-expanded': 'false' });
      const status = el('p', { class: 'error', role: 'alert' });
      const decide = async (action, body) => {
        try { await call('POST', `/api/campaigns/${id}/${action}`, body); await draw(true); onChanged?.(); }
        catch (e) { status.textContent = e.message; }
      };
      approve.addEventListener('click', () => decide('approve', { version: campaign.version }));
      reject.addEventListener('click', () => decide('reject', { version: campaign.version, reason: reason.value.trim() || null }));
      edit.addEventListener('click', () => {
        if (card.querySelector('.editor')) return; // one editor at a time
        edit.setAttribute('aria-expanded', 'true');
        const form = editor(campaign, () => draw(), status);
        card.append(form);
        form.querySelector('select').focus();
      });
      card.append(el('div', { class: 'actions' }, approve, reason, reject, edit), status);
    } else if (campaign.state === 'pending_approval') {
      card.append(el('p', { text: 'Waiting for a manager of this community to approve it.' }));
    }
  }
  await draw();
  return card;
}

function editor(campaign, redraw, status) {
  const variant = el('select', { 'aria-label': 'Variant to edit' }, ...campaign.variants.map(v => el('option', { value: v.name, text: `Variant ${v.name} (${v.need})` })));
  const subject = el('input', { 'aria-label': 'Subject' });
  const body = el('textarea', { 'aria-label': 'Message' });
  const fill = () => { const v = campaign.variants.find(x => x.name === variant.value); subject.value = v.subject; body.value = v.body; };
  variant.addEventListener('change', fill);
  fill();
  const save = el('button', { type: 'button', class: 'primary', text: 'Save (a new version to approve)' });
  save.addEventListener('click', async () => {
    try {
      await call('PUT', `/api/campaigns/${campaign.id}/variants/${encodeURIComponent(variant.value)}/messages/en`, { subject: subject.value, body: body.value });
      await redraw();
    } catch (e) { status.textContent = e.message; }
  });
  return el('div', { class: 'editor' }, variant, subject, body, save);
}

/** A proposal of the chat (a segment to save) with Approve / Reject. */
export function proposalCard(threadId, approval, canDecide, onDecided) {
  const card = el('section', { class: 'card', 'aria-label': 'Proposal' },
    el('h3', {}, el('span', { class: 'badge', text: 'AI-generated proposal' }), ` ${approval.tool}`),
    el('pre', { text: JSON.stringify(approval.arguments, null, 2) }));
  if (!canDecide) { card.append(el('p', { text: 'A manager of this community decides.' })); return card; }
  const status = el('p', { class: 'error', role: 'alert' });
  for (const [label, approved] of [['Approve', true], ['Reject', false]]) {
    const button = el('button', { type: 'button', class: approved ? 'primary' : 'danger', text: label });
    button.addEventListener('click', async () => {
      try {
        onDecided(await call('POST', `/api/chat/threads/${threadId}/approvals/${approval.id}`, { approved }));
        card.remove();
        document.getElementById('composer-input').focus();
      }
      catch (e) { status.textContent = e.message; }
    });
    card.append(button);
  }
  card.append(status);
  return card;
}

export { el };
