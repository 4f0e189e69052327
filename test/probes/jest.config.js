/**
 * Probes of LibreOffice itself (does it recalculate ExcelJS workbooks, keep conditional formats
 * and validation, honour print settings, how long a run takes): what made it fit to prove the
 * add-in's formulas. Not part of `npm test`; `npm run probes` runs them again, e.g. after
 * Debian updates LibreOffice.
 */
const base = require("../../jest.config.js").projects[0];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: "../..",
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  setupFilesAfterEnv: base.setupFilesAfterEnv,
  roots: ["<rootDir>/test/probes"],
  testMatch: ["<rootDir>/test/probes/*.probe.ts"],
  testTimeout: 300000,
};
