// Preloaded into ajv-cli (node -r): its YAML loader (js-yaml safeLoad) reads with the core schema, so that an
// unquoted date (2026-07-03) stays the string the JSON Schemas expect instead of a JavaScript Date.
const yaml = require("js-yaml");
const safeLoad = yaml.safeLoad;
yaml.safeLoad = (s, o) => safeLoad(s, Object.assign({ schema: yaml.CORE_SCHEMA }, o));
