// StealthRelay deployment rules, checked on one rendered kustomization (a "set"). Each rule exists because the
// gateway promises something (nothing on disk, no secret in plain config, streams finish on shutdown, ...) that a
// manifest edit could silently break. Returns a list of error strings; empty means compliant.

const secretLike = /(apikey|api_key|hmackey|clientkeyhash|password|secret|token|connectionstring)/i;
const placeholder = /^(REPLACE_ME[A-Z0-9_]*|0{64})$/;

const byKind = (docs, kind) => docs.filter((d) => d?.kind === kind);
const name = (d) => d?.metadata?.name;
const matches = (selector, labels) =>
  !!selector && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function checkContainer(where, c, errors) {
  const sc = c.securityContext ?? {};
  if (sc.readOnlyRootFilesystem !== true) {
    errors.push(`${where}: securityContext.readOnlyRootFilesystem must be true (the no-disk promise)`);
  }
  if (sc.allowPrivilegeEscalation !== false) {
    errors.push(`${where}: securityContext.allowPrivilegeEscalation must be false`);
  }
  if (sc.privileged === true) {
    errors.push(`${where}: must not be privileged`);
  }
  if (!(sc.capabilities?.drop ?? []).includes("ALL")) {
    errors.push(`${where}: securityContext.capabilities.drop must include ALL`);
  }
  if ((sc.capabilities?.add ?? []).length > 0) {
    errors.push(`${where}: securityContext.capabilities.add must be empty`);
  }
  if (typeof c.image !== "string" || c.image === "" || /:latest$/.test(c.image)) {
    errors.push(`${where}: image must be set to a fixed tag or digest, not :latest`);
  }
  const res = c.resources ?? {};
  for (const field of ["requests.cpu", "requests.memory", "limits.memory"]) {
    const [a, b] = field.split(".");
    if (res[a]?.[b] === undefined) {
      errors.push(`${where}: resources.${field} must be set`);
    }
  }
  if (c.livenessProbe?.httpGet?.path !== "/healthz") {
    errors.push(`${where}: livenessProbe must GET /healthz`);
  }
  if (c.readinessProbe?.httpGet?.path !== "/readyz") {
    errors.push(`${where}: readinessProbe must GET /readyz`);
  }
  if (!c.startupProbe?.httpGet) {
    errors.push(`${where}: startupProbe (model load) must be an httpGet probe`);
  }
  for (const env of c.env ?? []) {
    if (secretLike.test(env.name) && env.value !== undefined) {
      errors.push(`${where}: env ${env.name} looks secret; take it from a Secret (secretKeyRef), not a literal value`);
    }
  }
}

function checkDeployment(d, docs, references, errors) {
  const where = `Deployment/${name(d)}`;
  const spec = d.spec ?? {};
  const pod = spec.template?.spec ?? {};
  const podLabels = spec.template?.metadata?.labels ?? {};
  if (spec.replicas !== undefined && byKind(docs, "HorizontalPodAutoscaler").some((h) => h.spec?.scaleTargetRef?.name === name(d))) {
    errors.push(`${where}: spec.replicas must be left out when an HPA scales the Deployment`);
  }
  if (!matches(spec.selector?.matchLabels, podLabels)) {
    errors.push(`${where}: selector.matchLabels must match the pod template labels`);
  }
  if (pod.automountServiceAccountToken !== false) {
    errors.push(`${where}: pod automountServiceAccountToken must be false`);
  }
  const psc = pod.securityContext ?? {};
  if (psc.runAsNonRoot !== true) {
    errors.push(`${where}: pod securityContext.runAsNonRoot must be true`);
  }
  if (psc.runAsUser === 0) {
    errors.push(`${where}: pod securityContext.runAsUser must not be 0`);
  }
  if (psc.seccompProfile?.type !== "RuntimeDefault") {
    errors.push(`${where}: pod securityContext.seccompProfile.type must be RuntimeDefault`);
  }
  for (const key of ["hostNetwork", "hostPID", "hostIPC"]) {
    if (pod[key] === true) {
      errors.push(`${where}: ${key} must not be used`);
    }
  }
  const sa = pod.serviceAccountName;
  const account = byKind(docs, "ServiceAccount").find((s) => name(s) === sa);
  if (!sa || !account) {
    errors.push(`${where}: serviceAccountName must name a ServiceAccount of this set`);
  } else if (account.automountServiceAccountToken !== false) {
    errors.push(`ServiceAccount/${sa}: automountServiceAccountToken must be false`);
  }

  // Volumes: read-only, or an in-memory emptyDir; never a host path.
  const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
  for (const v of volumes.values()) {
    if (v.hostPath) {
      errors.push(`${where}: volume ${v.name} must not be a hostPath`);
    }
  }

  const containers = [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
  if ((pod.containers ?? []).length === 0) {
    errors.push(`${where}: has no containers`);
  }
  const configMaps = byKind(docs, "ConfigMap");
  const secrets = [...byKind(docs, "Secret"), ...byKind(references, "Secret")];
  for (const c of containers) {
    const cw = `${where}/${c.name}`;
    checkContainer(cw, c, errors);
    for (const m of c.volumeMounts ?? []) {
      const v = volumes.get(m.name);
      const writableOk = v?.emptyDir?.medium === "Memory";
      if (m.readOnly !== true && !writableOk) {
        errors.push(`${cw}: volumeMount ${m.name} must be readOnly (only emptyDir with medium Memory may be writable)`);
      }
    }
    for (const from of c.envFrom ?? []) {
      if (from.configMapRef && !configMaps.some((cm) => name(cm) === from.configMapRef.name)) {
        errors.push(`${cw}: envFrom configMapRef ${from.configMapRef.name} is not defined in this set`);
      }
      if (from.secretRef && !secrets.some((s) => name(s) === from.secretRef.name)) {
        errors.push(`${cw}: envFrom secretRef ${from.secretRef.name} matches no Secret (template)`);
      }
    }

    // Grace period above preStop sleep + the host's shutdown timeout, so in-flight streams can finish.
    const referenced = configMaps.filter((cm) => (c.envFrom ?? []).some((f) => f.configMapRef?.name === name(cm)));
    const shutdownValue =
      (c.env ?? []).find((e) => e.name.toLowerCase() === "dotnet_shutdowntimeoutseconds")?.value ??
      referenced.map((cm) => Object.entries(cm.data ?? {}).find(([k]) => k.toLowerCase() === "dotnet_shutdowntimeoutseconds")?.[1]).find((v) => v !== undefined);
    const shutdown = shutdownValue === undefined ? 30 : Number(shutdownValue); // .NET's default HostOptions.ShutdownTimeout
    const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (!(grace > preStop + shutdown)) {
      errors.push(`${where}: terminationGracePeriodSeconds (${grace}) must exceed preStop sleep (${preStop}) + DOTNET_shutdownTimeoutSeconds (${shutdown})`);
    }
  }

  // Service, HPA, PDB, NetworkPolicy wiring.
  const services = byKind(docs, "Service").filter((s) => matches(s.spec?.selector, podLabels));
  if (services.length === 0) {
    errors.push(`${where}: no Service selects its pods`);
  }
  const ports = new Set(containers.flatMap((c) => (c.ports ?? []).flatMap((p) => [p.name, p.containerPort])));
  for (const s of services) {
    for (const p of s.spec?.ports ?? []) {
      if (!ports.has(p.targetPort ?? p.port)) {
        errors.push(`Service/${name(s)}: targetPort ${p.targetPort} is not a container port of ${where}`);
      }
    }
  }
  const hpa = byKind(docs, "HorizontalPodAutoscaler").find((h) => h.spec?.scaleTargetRef?.kind === "Deployment" && h.spec?.scaleTargetRef?.name === name(d));
  if (!hpa) {
    errors.push(`${where}: no HorizontalPodAutoscaler targets it`);
  } else {
    if (!((hpa.spec.minReplicas ?? 1) >= 2)) {
      errors.push(`HorizontalPodAutoscaler/${name(hpa)}: minReplicas must be at least 2`);
    }
    if (!(hpa.spec.metrics ?? []).some((m) => m.type === "Resource" && m.resource?.name === "cpu")) {
      errors.push(`HorizontalPodAutoscaler/${name(hpa)}: must scale on CPU`);
    }
  }
  const pdbs = byKind(docs, "PodDisruptionBudget").filter((p) => matches(p.spec?.selector?.matchLabels, podLabels));
  if (pdbs.length === 0) {
    errors.push(`${where}: no PodDisruptionBudget covers its pods`);
  }
  for (const p of pdbs) {
    if (p.spec?.minAvailable !== 1) {
      errors.push(`PodDisruptionBudget/${name(p)}: minAvailable must be 1`);
    }
  }
  const policies = byKind(docs, "NetworkPolicy").filter((p) => matches(p.spec?.podSelector?.matchLabels, podLabels));
  const types = new Set(policies.flatMap((p) => p.spec?.policyTypes ?? []));
  for (const type of ["Ingress", "Egress"]) {
    if (!types.has(type)) {
      errors.push(`${where}: no NetworkPolicy restricts ${type}`);
    }
  }
  for (const p of policies) {
    for (const rule of p.spec?.egress ?? []) {
      for (const peer of rule.to ?? []) {
        const cidr = peer.ipBlock?.cidr;
        if (cidr === "0.0.0.0/0" || cidr === "::/0") {
          errors.push(`NetworkPolicy/${name(p)}: egress to ${cidr} defeats egress control`);
        }
      }
      if ((rule.to ?? []).length === 0) {
        errors.push(`NetworkPolicy/${name(p)}: an egress rule without 'to' allows every destination`);
      }
    }
  }
}

function checkCilium(p, errors) {
  const where = `CiliumNetworkPolicy/${name(p)}`;
  const allowed = new Set(["endpointSelector", "ingress", "egress", "ingressDeny", "egressDeny", "labels", "description", "enableDefaultDeny"]);
  if (!name(p)) {
    errors.push(`${where}: metadata.name is required`);
  }
  if (typeof p.spec?.endpointSelector !== "object") {
    errors.push(`${where}: spec.endpointSelector is required`);
  }
  for (const key of Object.keys(p.spec ?? {})) {
    if (!allowed.has(key)) {
      errors.push(`${where}: unknown spec field ${key}`);
    }
  }
  const egress = p.spec?.egress ?? [];
  const fqdn = egress.some((r) => (r.toFQDNs ?? []).length > 0);
  const dnsProxy = egress.some((r) => (r.toPorts ?? []).some((tp) => (tp.rules?.dns ?? []).length > 0));
  if (fqdn && !dnsProxy) {
    errors.push(`${where}: toFQDNs needs an egress rule with toPorts.rules.dns (Cilium learns addresses from DNS)`);
  }
}

export function checkPolicy(docs, references, { reference }) {
  const errors = [];
  for (const d of docs) {
    if (typeof d?.metadata?.name !== "string" || d.metadata.name === "") {
      errors.push(`${d?.kind ?? "?"}: metadata.name is required`);
    }
  }
  for (const s of byKind(docs, "Secret")) {
    // Committed Secrets are templates: every value must be an obvious placeholder.
    const values = { ...(s.stringData ?? {}) };
    for (const [k, v] of Object.entries(s.data ?? {})) {
      values[k] = Buffer.from(String(v), "base64").toString("utf8");
    }
    for (const [k, v] of Object.entries(values)) {
      if (!placeholder.test(String(v))) {
        errors.push(`Secret/${name(s)}: ${k} holds something other than a placeholder (REPLACE_ME... or 64 zeros); real values never go in git`);
      }
    }
  }
  for (const cm of byKind(docs, "ConfigMap")) {
    for (const k of Object.keys(cm.data ?? {})) {
      if (secretLike.test(k)) {
        errors.push(`ConfigMap/${name(cm)}: key ${k} looks secret; put it in the Secret`);
      }
    }
  }
  for (const p of byKind(docs, "CiliumNetworkPolicy")) {
    checkCilium(p, errors);
  }
  if (reference) {
    return errors;
  }
  const deployments = byKind(docs, "Deployment");
  if (deployments.length === 0) {
    errors.push("set: no Deployment found");
  }
  for (const d of deployments) {
    checkDeployment(d, docs, references, errors);
  }
  return errors;
}
