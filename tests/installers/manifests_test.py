# SPDX-License-Identifier: Apache-2.0
"""Checks installers/ as files: the Kubernetes manifests (structure, the roles' ports,
probes that a real `helios serve` of that role answers), the systemd unit
(systemd-analyze verify) and the .desktop file.

usage: manifests_test.py <installers dir> <project version> <built helios>
"""
import configparser
import glob
import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

import yaml

INSTALLERS, VERSION, HELIOS = sys.argv[1:4]

# DESIGN.md, "Server mode": the ports of each role's subsystems, and WAYPOINT's local
# deployments (HELIOS_SITES_PORT, 3105) on the node that runs WAYPOINT. `helios serve`
# has no HMR port: hot updates belong to `helios dev` on a workstation.
ROLE_PORTS = {
    "control": {"landing": 3000, "ignition": 3002, "ignis": 3004},
    "compute": {"slate": 3001, "spark": 3003, "waypoint": 3005, "sites": 3105},
}
NAMESPACED = {"ConfigMap", "Deployment", "StatefulSet", "Service"}
WORKLOADS = {"Deployment", "StatefulSet"}


def load_documents():
    documents = []
    for path in sorted(glob.glob(os.path.join(INSTALLERS, "kubernetes", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            for document in yaml.safe_load_all(f):
                if document is not None:
                    documents.append((os.path.basename(path), document))
    return documents


def role_of(workload):
    args = workload["spec"]["template"]["spec"]["containers"][0]["args"]
    return args[args.index("--role") + 1]


def probes(container):
    for key in ("startupProbe", "livenessProbe", "readinessProbe"):
        if key in container:
            yield key, container[key]


class ServedNode:
    """`helios serve --role ROLE` on 127.0.0.1 with every port picked free and embedded
    back ends in a temporary directory; stopped (SIGTERM, then SIGKILL) on exit."""

    def __init__(self, role):
        self.role = role

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="helios-manifests-")
        env = {k: v for k, v in os.environ.items() if not k.startswith("HELIOS_")}
        env.update(HOME=self.dir, XDG_CONFIG_HOME=self.dir + "/config", XDG_DATA_HOME=self.dir + "/data",
                   XDG_CACHE_HOME=self.dir + "/cache", HELIOS_DATA_DIR=self.dir + "/helios", HELIOS_SITES_PORT="0")
        for name in ("LANDING", "SLATE", "IGNITION", "SPARK", "IGNIS", "WAYPOINT"):
            env[f"HELIOS_{name}_PORT"] = "0"
        ready = self.dir + "/ready.json"
        self.log = self.dir + "/serve.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen([HELIOS, "serve", "--role", self.role, "--ready-file", ready, "--no-access-log"],
                                            env=env, stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 60
        while not os.path.exists(ready):
            if self.process.poll() is not None:
                with open(self.log, encoding="utf-8", errors="replace") as log:
                    raise AssertionError(f"helios serve --role {self.role} exited {self.process.returncode}: {log.read()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"helios serve --role {self.role} wrote no ready file in 60 s")
            time.sleep(0.05)
        with open(ready, encoding="utf-8") as f:
            self.ports = json.load(f)["ports"]
        return self

    def get(self, port_name, path):
        # kubelet's HTTPS probes do not verify the certificate; neither does this.
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        # WAYPOINT's deployments are plain HTTP; every subsystem's port is HTTPS.
        scheme = "http" if port_name == "sites" else "https"
        url = f"{scheme}://127.0.0.1:{self.ports[port_name]}{path}"
        try:
            with urllib.request.urlopen(url, context=None if scheme == "http" else context, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


class KubernetesManifestsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.documents = load_documents()
        cls.workloads = [d for _, d in cls.documents if d.get("kind") in WORKLOADS]

    def test_every_document_names_its_api_kind_and_namespace(self):
        self.assertGreaterEqual(len(self.documents), 5)
        namespaces = [d["metadata"]["name"] for _, d in self.documents if d.get("kind") == "Namespace"]
        self.assertEqual(namespaces, ["helios"])
        for file, document in self.documents:
            with self.subTest(file=file, kind=document.get("kind")):
                self.assertTrue(document.get("apiVersion"))
                self.assertTrue(document.get("kind"))
                self.assertTrue(document.get("metadata", {}).get("name"))
                if document["kind"] in NAMESPACED:
                    self.assertEqual(document["metadata"].get("namespace"), "helios")

    def test_one_workload_per_role_with_the_roles_ports(self):
        self.assertEqual(sorted(role_of(w) for w in self.workloads), ["compute", "control"])
        for workload in self.workloads:
            role = role_of(workload)
            container = workload["spec"]["template"]["spec"]["containers"][0]
            with self.subTest(role=role):
                ports = {p["name"]: p["containerPort"] for p in container["ports"]}
                self.assertEqual(ports, ROLE_PORTS[role])
                self.assertEqual(container["args"][0], "serve")
                self.assertIn("0.0.0.0", container["args"])
                self.assertEqual(container["image"].rsplit(":", 1)[1], VERSION)

    def test_selectors_match_the_pods_they_select(self):
        pods = [w["spec"]["template"] for w in self.workloads]
        for workload in self.workloads:
            labels = workload["spec"]["template"]["metadata"]["labels"]
            for key, value in workload["spec"]["selector"]["matchLabels"].items():
                self.assertEqual(labels.get(key), value)
        services = [d for _, d in self.documents if d.get("kind") == "Service"]
        self.assertGreaterEqual(len(services), 2)
        for service in services:
            selector = service["spec"]["selector"]
            selected = [p for p in pods if all(p["metadata"]["labels"].get(k) == v for k, v in selector.items())]
            with self.subTest(service=service["metadata"]["name"]):
                self.assertEqual(len(selected), 1)
                names = {p["name"] for p in selected[0]["spec"]["containers"][0]["ports"]}
                for port in service["spec"]["ports"]:
                    self.assertIn(port["targetPort"], names)

    def test_referenced_configmaps_and_secrets_exist_or_are_documented(self):
        configmaps = {d["metadata"]["name"] for _, d in self.documents if d.get("kind") == "ConfigMap"}
        with open(os.path.join(INSTALLERS, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        for workload in self.workloads:
            spec = workload["spec"]["template"]["spec"]
            for source in spec["containers"][0].get("envFrom", []):
                if "configMapRef" in source:
                    self.assertIn(source["configMapRef"]["name"], configmaps)
                if "secretRef" in source:
                    self.assertIn("create secret generic " + source["secretRef"]["name"], readme)
            for volume in spec.get("volumes", []):
                if "secret" in volume:
                    self.assertIn("create secret generic " + volume["secret"]["secretName"], readme)

    def test_probes_are_answered_by_helios_serve_of_that_role(self):
        for workload in self.workloads:
            role = role_of(workload)
            container = workload["spec"]["template"]["spec"]["containers"][0]
            found = list(probes(container))
            self.assertEqual({kind for kind, _ in found}, {"startupProbe", "livenessProbe", "readinessProbe"})
            with ServedNode(role) as node:
                # The ready file names the ports the manifests expose for the role, the
                # deployments' port on the node that runs WAYPOINT included.
                self.assertEqual(set(node.ports), set(ROLE_PORTS[role]))
                if "sites" in node.ports:
                    self.assertEqual(node.get("sites", "/no-such-deployment/"), 404)
                for kind, probe in found:
                    get = probe["httpGet"]
                    with self.subTest(role=role, probe=kind):
                        self.assertEqual(get["scheme"], "HTTPS")
                        self.assertIn(get["path"], ("/healthz", "/readyz"))
                        self.assertEqual(node.get(get["port"], get["path"]), 200)
                # A path the server does not have is refused: the check above can fail.
                self.assertEqual(node.get(found[0][1]["httpGet"]["port"], "/no-such-probe"), 404)


class SystemdUnitTest(unittest.TestCase):
    def setUp(self):
        self.path = os.path.join(INSTALLERS, "helios-serve.service")
        self.unit = configparser.ConfigParser(strict=False, interpolation=None)
        self.unit.optionxform = str
        self.unit.read(self.path, encoding="utf-8")

    def test_runs_helios_serve_as_a_dynamic_user_with_its_state_directory(self):
        service = self.unit["Service"]
        self.assertTrue(service["ExecStart"].startswith("/usr/bin/helios serve --role "))
        self.assertEqual(service["DynamicUser"], "yes")
        self.assertEqual(service["StateDirectory"], "helios")
        self.assertEqual(service["EnvironmentFile"], "-/etc/helios/helios.env")
        self.assertEqual(self.unit["Install"]["WantedBy"], "multi-user.target")

    def test_systemd_analyze_verify_finds_nothing(self):
        if not shutil.which("systemd-analyze"):
            self.skipTest("systemd-analyze is not installed")
        with tempfile.TemporaryDirectory() as tmp:
            # verify checks that ExecStart's program exists: the built one stands in.
            with open(self.path, encoding="utf-8") as f:
                text = f.read().replace("/usr/bin/helios ", os.path.abspath(HELIOS) + " ")
            unit = os.path.join(tmp, "helios-serve.service")
            with open(unit, "w", encoding="utf-8") as f:
                f.write(text)
            result = subprocess.run(["systemd-analyze", "verify", unit], capture_output=True, text=True, timeout=60)
            # Unknown or misspelt keys are only warnings: any output counts as a failure.
            self.assertEqual((result.returncode, result.stdout + result.stderr), (0, ""))


class DesktopEntryTest(unittest.TestCase):
    def test_names_the_installed_program_and_icon(self):
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str
        entry.read(os.path.join(INSTALLERS, "helios-workbench.desktop"), encoding="utf-8")
        desktop = entry["Desktop Entry"]
        self.assertEqual(desktop["Type"], "Application")
        self.assertEqual(desktop["Exec"].split()[0], "helios-workbench")
        self.assertEqual(desktop["Icon"], "helios-workbench")
        icon = os.path.join(INSTALLERS, "..", "resources", "icons", "helios-workbench.svg")
        self.assertTrue(os.path.isfile(icon), icon)

    def test_desktop_file_validate_finds_nothing(self):
        if not shutil.which("desktop-file-validate"):
            self.skipTest("desktop-file-validate (desktop-file-utils) is not installed")
        result = subprocess.run(["desktop-file-validate", os.path.join(INSTALLERS, "helios-workbench.desktop")],
                                capture_output=True, text=True, timeout=60)
        self.assertEqual((result.returncode, result.stdout + result.stderr), (0, ""))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
