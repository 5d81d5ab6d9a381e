// Structural checks of deploy/Dockerfile that a generic linter (dockerfilelint) does not know about: the image
// rules StealthRelay relies on (multi-stage, chiseled non-root runtime, read-only-ready, no HEALTHCHECK, no baked
// model, context allow-list).
//
// Usage:
//   node check-dockerfile.mjs REPO_ROOT DOCKERFILE
//   node check-dockerfile.mjs --self-test REPO_ROOT FIXTURE...   (each must fail with its `# expect: TEXT` lines)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Instructions with continuation lines joined; comments and parser directives dropped. */
export function parseDockerfile(text) {
  const out = [];
  let pending = "";
  let startLine = 0;
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (pending === "" && /^\s*(#.*)?$/.test(line)) {
      return;
    }
    if (pending !== "" && /^\s*#/.test(line)) {
      return; // comment lines inside a continued instruction are ignored by Docker
    }
    if (pending === "") {
      startLine = i + 1;
    }
    if (/\\\s*$/.test(line)) {
      pending += line.replace(/\\\s*$/, " ");
      return;
    }
    const full = (pending + line).trim();
    pending = "";
    const match = /^(\w+)\s*(.*)$/s.exec(full);
    out.push({ line: startLine, op: match[1].toUpperCase(), args: match[2].trim() });
  });
  return out;
}

export function checkDockerfile(repoRoot, dockerfilePath) {
  const errors = [];
  const warnings = [];
  const instructions = parseDockerfile(readFileSync(dockerfilePath, "utf8"));

  // ARG defaults declared before the first FROM may be used in FROM lines.
  const globalArgs = new Map();
  for (const ins of instructions) {
    if (ins.op === "FROM") {
      break;
    }
    if (ins.op === "ARG") {
      const [k, v] = ins.args.split("=");
      globalArgs.set(k.trim(), (v ?? "").trim());
    }
  }
  const expand = (s) => s.replace(/\$\{?(\w+)\}?/g, (_, k) => globalArgs.get(k) ?? `\${${k}}`);

  const stages = [];
  for (const ins of instructions) {
    if (ins.op === "FROM") {
      const parts = ins.args.split(/\s+/).filter((p) => !p.startsWith("--"));
      stages.push({ image: expand(parts[0]), alias: parts[2], line: ins.line, body: [] });
    } else if (stages.length > 0) {
      stages.at(-1).body.push(ins);
    }
  }
  if (stages.length < 2) {
    errors.push("must be multi-stage (an SDK build stage and a runtime stage)");
    return { errors, warnings };
  }
  for (const s of stages) {
    if (!/:[^/]+$/.test(s.image) || /:latest$/.test(s.image)) {
      errors.push(`line ${s.line}: base image ${s.image} must carry an explicit tag (not latest)`);
    }
  }
  const build = stages[0];
  const final = stages.at(-1);
  if (!build.image.startsWith("mcr.microsoft.com/dotnet/sdk:")) {
    errors.push(`line ${build.line}: the build stage must use mcr.microsoft.com/dotnet/sdk (is ${build.image})`);
  }
  if (!final.image.startsWith("mcr.microsoft.com/dotnet/aspnet:")) {
    errors.push(`line ${final.line}: the runtime stage must use mcr.microsoft.com/dotnet/aspnet (is ${final.image})`);
  }
  const publish = build.body.find((i) => i.op === "RUN" && /dotnet publish/.test(i.args));
  if (!publish || !/src\/Relay\.Gateway/.test(publish.args) || !/(-o|--output)\s+\/app\b/.test(publish.args)) {
    errors.push("the build stage must run `dotnet publish src/Relay.Gateway ... -o /app`");
  }

  const all = instructions;
  for (const i of all) {
    if (i.op === "HEALTHCHECK") {
      errors.push(`line ${i.line}: no HEALTHCHECK (Kubernetes probes /healthz and /readyz instead)`);
    }
    if (i.op === "ADD") {
      errors.push(`line ${i.line}: use COPY, not ADD (no remote URLs or implicit archive extraction)`);
    }
    if ((i.op === "COPY" || i.op === "ADD") && /\.gguf\b/i.test(i.args)) {
      errors.push(`line ${i.line}: a GGUF model must be mounted at run time, never copied into the image`);
    }
    if ((i.op === "ENV" || i.op === "ARG") && /(api_?key|apikey|hmackey|password|secret|token)\w*\s*=\s*\S/i.test(i.args)) {
      errors.push(`line ${i.line}: secrets must not be baked into the image (${i.op})`);
    }
  }

  // Runtime stage: chiseled has no shell, the user is non-root and numeric, exec-form entrypoint, no disk writes.
  for (const i of final.body) {
    if (i.op === "RUN") {
      errors.push(`line ${i.line}: no RUN in the runtime stage (the chiseled image has no shell; do the work in the build stage)`);
    }
  }
  const users = final.body.filter((i) => i.op === "USER");
  const user = users.at(-1)?.args ?? "";
  if (!/^\d+(:\d+)?$/.test(user) || /^0(:|$)/.test(user)) {
    errors.push(`the runtime stage must end with a numeric non-root USER (is '${user || "unset"}'), so runAsNonRoot can verify it`);
  }
  const entrypoint = final.body.filter((i) => i.op === "ENTRYPOINT").at(-1);
  let entry = null;
  try {
    entry = entrypoint ? JSON.parse(entrypoint.args) : null;
  } catch {
    entry = null;
  }
  if (!Array.isArray(entry) || !entry.some((a) => a.endsWith("Relay.Gateway.dll"))) {
    errors.push("the runtime stage needs an exec-form ENTRYPOINT running Relay.Gateway.dll");
  }
  const env = final.body.filter((i) => i.op === "ENV").map((i) => i.args).join(" ");
  if (!/\bDOTNET_EnableDiagnostics=0\b/.test(env)) {
    errors.push("the runtime stage must set DOTNET_EnableDiagnostics=0 (no diagnostics sockets on a read-only file system)");
  }
  if (!/\bASPNETCORE_URLS=http:\/\/\+:8080\b/.test(env)) {
    errors.push("the runtime stage must set ASPNETCORE_URLS=http://+:8080");
  }
  if (/\bTMPDIR=/.test(env)) {
    errors.push("the runtime stage must not redirect TMPDIR: the gateway writes no temporary files");
  }
  if (!final.body.some((i) => i.op === "EXPOSE" && /\b8080\b/.test(i.args))) {
    errors.push("the runtime stage must EXPOSE 8080");
  }

  // Build context: the Dockerfile-specific ignore file is an allow-list that covers every COPY source.
  const ignorePath = `${dockerfilePath}.dockerignore`;
  if (!existsSync(ignorePath)) {
    errors.push(`missing ${ignorePath} (BuildKit's per-Dockerfile ignore file)`);
    return { errors, warnings };
  }
  const ignore = readFileSync(ignorePath, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  if (ignore[0] !== "*") {
    errors.push(`${ignorePath} must start with '*' (allow-list: nothing enters the context unless named)`);
  }
  if (!ignore.includes("**/*.gguf")) {
    errors.push(`${ignorePath} must exclude **/*.gguf`);
  }
  const allowed = ignore.filter((l) => l.startsWith("!")).map((l) => l.slice(1).replace(/\/\*\*$/, ""));
  for (const s of stages) {
    for (const i of s.body.filter((x) => x.op === "COPY" && !/--from=/.test(x.args))) {
      const parts = i.args.split(/\s+/).filter((p) => !p.startsWith("--"));
      for (const source of parts.slice(0, -1)) {
        const clean = source.replace(/\/$/, "");
        if (/[*?[]/.test(clean)) {
          // A top-level wildcard: some allow-list entry must start with its literal prefix; `name.confi[g]` is the
          // copy-if-present idiom, so matching nothing is fine there.
          const prefix = clean.slice(0, clean.search(/[*?[]/));
          const pattern = new RegExp(`^${clean.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
          if (!allowed.some((a) => a.startsWith(prefix))) {
            errors.push(`line ${i.line}: COPY ${source} is not allowed by ${ignorePath}`);
          }
          if (!clean.includes("[") && !readdirSync(repoRoot).some((f) => pattern.test(f))) {
            errors.push(`line ${i.line}: COPY ${source} matches nothing in this checkout`);
          }
          continue;
        }
        if (!allowed.some((a) => clean === a || clean.startsWith(`${a}/`) || a.startsWith(`${clean}/`))) {
          errors.push(`line ${i.line}: COPY ${source} is not allowed by ${ignorePath}`);
        }
        if (!existsSync(join(repoRoot, clean))) {
          // models/ arrives with the NER model branch; everything else must exist now.
          (clean.startsWith("models") ? warnings : errors).push(`line ${i.line}: COPY source ${source} does not exist in this checkout`);
        }
      }
    }
  }
  return { errors, warnings };
}

function main(argv) {
  if (argv[0] === "--self-test") {
    const [, root, ...fixtures] = argv;
    let failed = 0;
    for (const f of fixtures) {
      const { errors } = checkDockerfile(root, f);
      const expected = [...readFileSync(f, "utf8").matchAll(/^# expect: (.+)$/gm)].map((m) => m[1].trim());
      const missing = expected.filter((t) => !errors.some((e) => e.includes(t)));
      if (errors.length === 0 || expected.length === 0 || missing.length > 0) {
        failed++;
        console.error(`SELF-TEST FAIL ${f}: expected errors not reported: ${JSON.stringify(missing)}`);
        errors.forEach((e) => console.error(`    got: ${e}`));
      } else {
        console.log(`self-test ok   ${f}: ${expected.length} expected error(s) reported`);
      }
    }
    return failed === 0 ? 0 : 1;
  }
  const [root, dockerfile] = argv;
  const { errors, warnings } = checkDockerfile(root, dockerfile);
  warnings.forEach((w) => console.log(`WARN  ${dockerfile}: ${w}`));
  if (errors.length > 0) {
    console.error(`FAIL  ${dockerfile}:`);
    errors.forEach((e) => console.error(`    ${e}`));
    return 1;
  }
  console.log(`ok    ${dockerfile}: structure (stages, non-root, read-only ready, no HEALTHCHECK, context allow-list)`);
  return 0;
}

process.exit(main(process.argv.slice(2)));
