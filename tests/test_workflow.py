"""The GitHub Pages workflow: valid against the workflow schema, and it publishes the public build of site/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.writer.guard import deployed_folders
from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps_using(job: dict, action: str) -> list[dict]:
    return [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]


def test_workflow_passes_the_github_workflow_schema() -> None:
    beside = Path(sys.executable).with_name("check-jsonschema")
    tool = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    if tool is None:
        pytest.fail("check-jsonschema is not installed (pip install -e '.[test]')")
    run = subprocess.run([tool, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_runs_on_push_to_main_and_by_hand_one_at_a_time(workflow: dict) -> None:
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_build_job_makes_the_public_site_and_uploads_site(workflow: dict) -> None:
    job = workflow["jobs"]["build"]
    assert steps_using(job, "actions/checkout")
    python = steps_using(job, "actions/setup-python")
    assert python and str(python[0]["with"]["python-version"]) == "3.11"
    runs = [s["run"].strip() for s in job["steps"] if "run" in s]
    assert runs == ["make site"], runs
    settings = yaml.safe_dump(workflow)  # everything but the comments: no env, flag or input turns on the private build
    assert "FULL_TEXT" not in settings and "full-text" not in settings and "private-site" not in settings
    upload = steps_using(job, "actions/upload-pages-artifact")
    assert len(upload) == 1 and upload[0]["with"]["path"] == "site"


def test_deploy_job_deploys_the_artifact_to_the_pages_environment(workflow: dict) -> None:
    job = workflow["jobs"]["deploy"]
    assert job["needs"] == "build"
    assert job["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    deploy = steps_using(job, "actions/deploy-pages")
    assert len(deploy) == 1 and deploy[0]["id"] == "deployment"


def test_the_build_refuses_private_builds_into_the_uploaded_folder() -> None:
    assert (ROOT / "site").resolve() in deployed_folders(ROOT)
