// Validates rendered Kubernetes manifests (multi-document YAML files given as arguments) against the
// Kubernetes API schemas shipped in the npm package kubernetes-models (JSON Schemas generated from
// the Kubernetes OpenAPI document, compiled to validators: types, required fields, formats). Those
// schemas let unknown fields pass, so a strict pass walks each resource along the package's type
// declarations (*.d.ts, generated from the same document) and rejects any field they do not declare,
// as kubeconform -strict would. No cluster is needed. Custom resources of the operators
// (CloudNativePG, Strimzi, Prometheus operator) have no schema in any package we can reach: they are
// listed as skipped, after a check of their common shape. Any other kind fails.
// Run by .ci/kubernetes-check from the directory where the packages are installed.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const NODE_MODULES = join(dirname(fileURLToPath(import.meta.url)), "node_modules");

const declarations = new Map(); // .d.ts file -> its interface, for the strict pass
const SKIPPED_GROUPS = ["postgresql.cnpg.io", "kafka.strimzi.io", "monitoring.coreos.com"];
let failures = 0;
let validated = 0;
const skipped = new Map();

for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      fail(file, "?", document.errors.map((e) => e.message).join("; "));
      continue;
    }
    const resource = document.toJS();
    if (resource == null) continue;
    const { apiVersion, kind } = resource;
    const name = `${kind}/${resource.metadata?.name}`;
    if (typeof apiVersion !== "string" || typeof kind !== "string" || !resource.metadata?.name) {
      fail(file, name, "apiVersion, kind and metadata.name are required");
      continue;
    }
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
    if (group && SKIPPED_GROUPS.includes(group)) {
      if (typeof resource.spec !== "object") fail(file, name, "a custom resource without spec");
      skipped.set(`${apiVersion} ${kind}`, (skipped.get(`${apiVersion} ${kind}`) ?? 0) + 1);
      continue;
    }
    if (kind === "Secret" && apiVersion === "v1" && resource.data) {
      // kustomize folds long base64 values over lines; the API server's decoder skips the newlines
      for (const key of Object.keys(resource.data)) resource.data[key] = String(resource.data[key]).replace(/\s+/g, "");
    }
    let Model;
    try {
      const module = await import(`kubernetes-models/${group ? group + "/" : ""}${version}/${kind}`);
      Model = module[kind];
    } catch {
      fail(file, name, `no schema for ${apiVersion} ${kind} (unknown kind or API version)`);
      continue;
    }
    try {
      new Model(resource).validate();
    } catch (e) {
      fail(file, name, e.message);
      continue;
    }
    const unknown = [];
    walk(resource, declaration(join(NODE_MODULES, "kubernetes-models", group ?? "", version, `${kind}.d.ts`)), "", unknown);
    if (unknown.length > 0) {
      fail(file, name, `unknown field(s): ${unknown.join(", ")}`);
      continue;
    }
    validated++;
  }
}

for (const [kind, count] of skipped) {
  console.log(`skipped (custom resource, no schema available): ${kind} x${count}`);
}
console.log(`${validated} resources valid against the Kubernetes schemas, ${failures} invalid`);
process.exit(failures === 0 && validated > 0 ? 0 : 1);

function fail(file, name, message) {
  failures++;
  console.log(`INVALID ${file}: ${name}: ${message}`);
}

// ---- strict pass: the fields each type declares, read from kubernetes-models' declarations


/** The properties ("name" -> type text) and imports (type name -> file) of the interface in a .d.ts file. */
function declaration(file) {
  if (declarations.has(file)) return declarations.get(file);
  let result = null;
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    const imports = new Map();
    for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
      const target = m[2].startsWith(".") ? join(dirname(file), m[2]) : join(NODE_MODULES, m[2]);
      imports.set(m[1], target.replace(/\.js$/, "") + ".d.ts");
    }
    const start = text.search(/export interface \w+(?: extends [\w, ]+)? \{/);
    if (start >= 0) {
      result = { properties: properties(text, text.indexOf("{", start) + 1), imports };
    }
  }
  declarations.set(file, result);
  return result;
}

/** Parses `"name"?: type;` entries up to the interface's closing brace. */
function properties(text, from) {
  const props = new Map();
  const entry = /\s*"([^"]+)"\??:\s*/y;
  let i = from;
  for (;;) {
    entry.lastIndex = i;
    const m = entry.exec(text);
    if (!m) break;
    let depth = 0;
    let j = entry.lastIndex;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === "{" || c === "<") depth++;
      else if (c === "}" || c === ">") depth--;
      else if (c === ";" && depth === 0) break;
    }
    props.set(m[1], text.slice(entry.lastIndex, j).replace(/\s+/g, " ").trim());
    i = j + 1;
  }
  return props;
}

/** Reports every field of `value` that its declared type does not have. */
function walk(value, decl, path, unknown) {
  if (decl == null || value == null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const type = decl.properties.get(key);
    if (type === undefined) {
      unknown.push(`${path}${key}`);
    } else {
      walkType(child, type, decl.imports, `${path}${key}`, unknown);
    }
  }
}

function walkType(value, type, imports, path, unknown) {
  if (value == null) return;
  let m;
  if ((m = /^Array<(.+)>$/.exec(type)) || (m = /^(\w+)\[\]$/.exec(type))) {
    if (Array.isArray(value)) value.forEach((v, i) => walkType(v, m[1], imports, `${path}[${i}]`, unknown));
  } else if ((m = /^\{ \[key: string\]: (.+?);? \}$/.exec(type))) {
    if (typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walkType(v, m[1], imports, `${path}.${k}`, unknown);
    }
  } else if (imports.has(type)) {
    walk(value, declaration(imports.get(type)), `${path}.`, unknown);
  }
}
