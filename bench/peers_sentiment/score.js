#!/usr/bin/env node
// Scores every review of a CSV with two peer sentiment analyzers and times them:
//   VADER (npm vader-sentiment): the compound score, in [-1, 1]
//     (Hutto & Gilbert, ICWSM 2014);
//   AFINN (npm sentiment): the raw sum of AFINN-165 word valences and the
//     "comparative" score, that sum divided by the number of tokens
//     (Nielsen, ESWC 2011 workshop "A new ANEW").
// Only the scoring loop is timed: one warm-up pass, then the median of N passes.
//
//   node score.js CSV OUT.json [N=5] [TEXT_COLUMN=review]
'use strict';

const fs = require('fs');
const vader = require('vader-sentiment');
const Sentiment = require('sentiment');

// RFC 4180: fields separated by commas, records by CRLF or LF; a quoted field
// may hold commas, line breaks and doubled quotes ("").
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field.length === 0) {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field.length > 0 || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Runs fn over all texts once untimed, then reps timed times; returns the last
// pass's results and the seconds of each timed pass.
function timePasses(texts, fn, reps) {
  let results = texts.map(fn);  // warm-up
  const seconds = [];
  for (let r = 0; r < reps; r += 1) {
    const start = process.hrtime.bigint();
    results = texts.map(fn);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { results, seconds };
}

function main() {
  const [csvPath, outPath, repsArg, columnArg] = process.argv.slice(2);
  if (!csvPath || !outPath) {
    console.error('usage: node score.js CSV OUT.json [N=5] [TEXT_COLUMN=review]');
    process.exit(2);
  }
  const reps = repsArg === undefined ? 5 : Number(repsArg);
  if (!Number.isInteger(reps) || reps < 1) {
    console.error(`N must be a positive integer, got "${repsArg}"`);
    process.exit(2);
  }
  const column = columnArg || 'review';

  const rows = parseCsv(fs.readFileSync(csvPath, 'utf8'));
  const header = rows[0];
  const textIndex = header.indexOf(column);
  if (textIndex < 0) {
    console.error(`${csvPath}: no column "${column}" in header ${JSON.stringify(header)}`);
    process.exit(1);
  }
  const body = rows.slice(1);
  body.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new Error(`${csvPath}: record ${i + 1} has ${r.length} fields, ` +
                      `header has ${header.length}`);
    }
  });
  const texts = body.map((r) => r[textIndex]);

  const vaderRun = timePasses(
      texts, (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound, reps);
  const afinn = new Sentiment();
  const afinnRun = timePasses(texts, (t) => {
    const a = afinn.analyze(t);
    return [a.score, a.comparative];
  }, reps);

  const columns = {};
  header.forEach((name, j) => {
    if (j !== textIndex) columns[name] = body.map((r) => r[j]);
  });
  const pkg = (name) => require(`${name}/package.json`).version;
  const out = {
    csv: csvPath,
    n: texts.length,
    reps,
    node: process.version,
    versions: { 'vader-sentiment': pkg('vader-sentiment'), sentiment: pkg('sentiment') },
    columns,
    scores: {
      vader_compound: vaderRun.results,
      afinn_score: afinnRun.results.map((x) => x[0]),
      afinn_comparative: afinnRun.results.map((x) => x[1]),
    },
    seconds: { vader: vaderRun.seconds, afinn: afinnRun.seconds },
    median_seconds: { vader: median(vaderRun.seconds), afinn: median(afinnRun.seconds) },
  };
  fs.writeFileSync(outPath, JSON.stringify(out));
  for (const peer of ['vader', 'afinn']) {
    const s = out.median_seconds[peer];
    console.error(`${peer}: median ${s.toFixed(4)} s over ${reps} passes, ` +
                  `${(texts.length / s).toFixed(0)} reviews/s`);
  }
}

main();
