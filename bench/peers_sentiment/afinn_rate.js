#!/usr/bin/env node
// AFINN (npm sentiment) throughput on the texts of a JSON array, for
// bench/python_bindings.py: one untimed warm-up pass over all texts, then
// REPS timed passes; prints {"n", "reps", "seconds": [...], "median_seconds",
// "sentiment" (the package version), "node"} as JSON on stdout.
//
//   node afinn_rate.js TEXTS.json [REPS=7]
'use strict';

const fs = require('fs');
const Sentiment = require('sentiment');

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function main() {
  const [path, repsArg] = process.argv.slice(2);
  if (!path) {
    console.error('usage: node afinn_rate.js TEXTS.json [REPS=7]');
    process.exit(2);
  }
  const reps = repsArg === undefined ? 7 : Number(repsArg);
  const texts = JSON.parse(fs.readFileSync(path, 'utf8'));
  const afinn = new Sentiment();
  const score = (t) => afinn.analyze(t).comparative;
  let sink = texts.map(score);  // warm-up
  const seconds = [];
  for (let r = 0; r < reps; r += 1) {
    const start = process.hrtime.bigint();
    sink = texts.map(score);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  if (sink.length !== texts.length) throw new Error('lost texts');
  process.stdout.write(JSON.stringify({
    n: texts.length, reps, seconds, median_seconds: median(seconds),
    sentiment: require('sentiment/package.json').version, node: process.version,
  }) + '\n');
}

main();
