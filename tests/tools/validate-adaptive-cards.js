#!/usr/bin/env node
// Validates Adaptive Cards with Microsoft's own object model (npm adaptivecards, the library Teams' and Web Chat's
// renderers are built on), targeting schema 1.5: unknown element or action types, invalid property values, and
// features newer than the target are reported. Reads a JSON array of cards on stdin; prints, for each card, the
// list of problems found (empty when the card is valid) as one JSON array.
'use strict';
const AC = require('./node_modules/adaptivecards/dist/adaptivecards.js');

let input = '';
process.stdin.on('data', chunk => (input += chunk));
process.stdin.on('end', () => {
  const cards = JSON.parse(input);
  const report = cards.map(json => {
    const context = new AC.SerializationContext();
    context.targetVersion = AC.Versions.v1_5;
    const card = new AC.AdaptiveCard();
    const problems = [];
    if (json.type !== 'AdaptiveCard') problems.push('the root type is not AdaptiveCard');
    if (json.version !== '1.5') problems.push(`version ${json.version} instead of 1.5`);
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
    for (const event of card.validateProperties().validationEvents) problems.push(event.message);
    return problems;
  });
  process.stdout.write(JSON.stringify(report));
});
