// Validates rendered Kubernetes manifests offline, in three layers:
//   1. schema: every built-in object against the Kubernetes OpenAPI schema (kubernetes-models, ajv-compiled):
//      required fields, types, enums, formats;
//   2. strict fields: every built-in object as a typed TypeScript literal (kubernetes-types + tsc), which rejects
//      unknown or misspelt fields that the JSON schema lets through (kubectl's --validate=strict equivalent);
//   3. policy: the StealthRelay deployment rules (non-root, read-only root file system, probes, secrets only from
//      Secrets, grace period above the shutdown deadline, HPA/PDB/NetworkPolicy wiring, ...).
//
// Usage:
//   node validate-manifests.mjs [--reference FILE]... SET.yaml...
//       Each SET is one rendered kustomization (cross-references are checked inside it). --reference files (the
//       Secret template) are validated too and may satisfy references from every set.
//   node validate-manifests.mjs --self-test DIR
//       Every DIR/*.yaml must FAIL, with at least one error containing each of its `# expect: TEXT` lines.
import { readFileSync, mkdirSync, writeFileSync, readdirSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, basename, dirname } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { checkPolicy } from "./policy.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** Known CRDs: no schema offline, so only their shape is checked (policy.mjs). */
const crdKinds = new Set(["cilium.io/v2/CiliumNetworkPolicy"]);

function loadDocs(file) {
  const text = readFileSync(file, "utf8");
  const docs = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      throw new Error(`${file}: YAML error: ${doc.errors.map((e) => e.message).join("; ")}`);
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined) {
      docs.push(value);
    }
  }
  return docs;
}

const id = (doc) => `${doc?.kind ?? "?"}/${doc?.metadata?.name ?? "?"}`;

async function schemaErrors(doc) {
  if (typeof doc?.apiVersion !== "string" || typeof doc?.kind !== "string") {
    return ["apiVersion and kind are required"];
  }
  if (crdKinds.has(`${doc.apiVersion}/${doc.kind}`)) {
    return [];
  }
  let module;
  try {
    module = await import(`kubernetes-models/${doc.apiVersion}`);
  } catch {
    return [`unknown apiVersion ${doc.apiVersion} (not a built-in API group and not a known CRD)`];
  }
  const Model = module[doc.kind];
  if (typeof Model !== "function") {
    return [`unknown kind ${doc.kind} in ${doc.apiVersion}`];
  }
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    return [`schema: ${e.message}`];
  }
}

/** Maps apiVersion to the kubernetes-types module: v1 -> core/v1, networking.k8s.io/v1 -> networking/v1. */
function typesModule(apiVersion) {
  const parts = apiVersion.split("/");
  if (parts.length === 1) {
    return `kubernetes-types/core/${parts[0]}`;
  }
  return `kubernetes-types/${parts[0].split(".")[0]}/${parts[1]}`;
}

/** Type-checks every built-in document in one tsc run; returns errors keyed by "set#index". */
function strictFieldErrors(entries) {
  const work = mkdtempSync(join(tmpdir(), "stealthrelay-tsc-"));
  try {
    const files = [];
    entries.forEach(({ key, doc }, n) => {
      if (crdKinds.has(`${doc?.apiVersion}/${doc?.kind}`) || typeof doc?.kind !== "string") {
        return;
      }
      const file = join(work, `doc${n}.ts`);
      const source =
        `import type { ${doc.kind} } from "${typesModule(doc.apiVersion)}";\n` +
        `export const value: ${doc.kind} = ${JSON.stringify(doc, null, 2)};\n`;
      writeFileSync(file, source);
      files.push({ file, key });
    });
    if (files.length === 0) {
      return new Map();
    }
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "esnext",
          moduleResolution: "bundler",
          target: "es2022",
          types: [],
          typeRoots: [],
          baseUrl: here,
          paths: { "kubernetes-types/*": [join(here, "node_modules/kubernetes-types/*")] },
        },
        files: files.map((f) => f.file),
      }),
    );
    const tsc = join(here, "node_modules/typescript/bin/tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", work, "--pretty", "false"], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
      if (output.trim() === "") {
        throw e;
      }
    }
    const byKey = new Map();
    for (const line of output.split("\n").filter((l) => l.trim() !== "")) {
      const match = /doc(\d+)\.ts\(\d+,\d+\): error (TS\d+): (.*)$/.exec(line);
      if (!match) {
        throw new Error(`unexpected tsc output: ${line}`);
      }
      const key = entries[Number(match[1])].key;
      byKey.set(key, [...(byKey.get(key) ?? []), `fields: ${match[3]} (${match[2]})`]);
    }
    return byKey;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Validates sets; returns Map(setName -> [error]). */
async function validate(sets, references) {
  const results = new Map();
  const entries = [];
  const all = [...references.map((r) => ({ ...r, reference: true })), ...sets];
  for (const set of all) {
    results.set(set.name, []);
    set.docs.forEach((doc, index) => entries.push({ key: `${set.name}#${index}`, set, doc }));
  }
  const typeErrors = strictFieldErrors(entries);
  for (const { key, set, doc } of entries) {
    for (const error of [...(await schemaErrors(doc)), ...(typeErrors.get(key) ?? [])]) {
      results.get(set.name).push(`${id(doc)}: ${error}`);
    }
  }
  const referenceDocs = references.flatMap((r) => r.docs);
  for (const set of all) {
    results.get(set.name).push(...checkPolicy(set.docs, set.reference ? [] : referenceDocs, { reference: !!set.reference }));
  }
  return results;
}

/** FILE or LABEL=FILE (the label names the set in messages, e.g. the kustomization a temp file was rendered from). */
function readSet(arg) {
  const match = /^([^=]+)=(.+)$/.exec(arg);
  return match ? { name: match[1], docs: loadDocs(match[2]) } : { name: arg, docs: loadDocs(arg) };
}

async function main(argv) {
  if (argv[0] === "--self-test") {
    const dir = argv[1];
    const fixtures = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
    if (fixtures.length === 0) {
      throw new Error(`no fixtures in ${dir}`);
    }
    const sets = fixtures.map((f) => readSet(join(dir, f)));
    const results = await validate(sets, []);
    let failed = 0;
    for (const set of sets) {
      const errors = results.get(set.name);
      const expected = [...readFileSync(set.name, "utf8").matchAll(/^# expect: (.+)$/gm)].map((m) => m[1].trim());
      const missing = expected.filter((text) => !errors.some((e) => e.includes(text)));
      if (errors.length === 0 || expected.length === 0 || missing.length > 0) {
        failed++;
        console.error(`SELF-TEST FAIL ${basename(set.name)}: expected errors not reported: ${JSON.stringify(missing)}`);
        errors.forEach((e) => console.error(`    got: ${e}`));
      } else {
        console.log(`self-test ok   ${basename(set.name)}: ${expected.length} expected error(s) reported`);
      }
    }
    return failed === 0 ? 0 : 1;
  }

  const references = [];
  const sets = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--reference") {
      references.push(readSet(argv[++i]));
    } else {
      sets.push(readSet(argv[i]));
    }
  }
  if (sets.length === 0) {
    throw new Error("no manifest sets given");
  }
  const results = await validate(sets, references);
  let count = 0;
  for (const [name, errors] of results) {
    const docs = [...sets, ...references].find((s) => s.name === name).docs.length;
    if (errors.length === 0) {
      console.log(`ok    ${name}: ${docs} object(s): schema, strict fields and policy`);
    } else {
      count += errors.length;
      console.error(`FAIL  ${name}:`);
      errors.forEach((e) => console.error(`    ${e}`));
    }
  }
  return count === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e?.stack ?? String(e));
    process.exit(2);
  },
);
