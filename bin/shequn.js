#!/usr/bin/env node
import("../dist/app/cli.js").catch((err) => {
  if (err && err.code === "ERR_MODULE_NOT_FOUND" && String(err.message).includes("dist/app/cli.js")) {
    console.error("shequn: build output missing; run `npm install` (or `npm run build`) first.");
    process.exit(1);
  }
  throw err;
});
