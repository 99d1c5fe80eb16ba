#!/bin/sh
# Prepare a worker machine for `pipeline run --cluster` (Debian/Ubuntu, as root), from a checkout of the
# SAME version as the coordinator's: deploy/install-worker.sh tcp://SCHEDULER:8786 [THREADS] [RESOURCES]
#   e.g. deploy/install-worker.sh tcp://10.0.0.5:8786 4          (a worker with Tesseract, like all others)
#        deploy/install-worker.sh tcp://10.0.0.5:8786 4 ocr=4    (an OCR worker when not every worker has it)
set -eu
scheduler=${1:?usage: install-worker.sh tcp://SCHEDULER:8786 [THREADS] [RESOURCES]}
threads=${2:-$(nproc)}
resources=${3:-}
src=$(cd "$(dirname "$0")/.." && pwd)
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# Python, Tesseract with Vietnamese (scans), LibreOffice (legacy .doc), fonts (as the Makefile's APT_PACKAGES)
apt-get install -y -qq --no-install-recommends python3 python3-venv tesseract-ocr tesseract-ocr-vie \
  libreoffice-writer-nogui fonts-dejavu-core
id pipeline >/dev/null 2>&1 || useradd --system --home /srv/pipeline pipeline
mkdir -p /srv/pipeline /var/tmp/pipeline-dask
rm -rf /srv/pipeline/app && cp -r "$src" /srv/pipeline/app && rm -rf /srv/pipeline/app/.venv
python3 -m venv /srv/pipeline/.venv
/srv/pipeline/.venv/bin/pip install -q /srv/pipeline/app'[cluster]'
chown -R pipeline: /srv/pipeline /var/tmp/pipeline-dask
printf 'SCHEDULER=%s\nNTHREADS=%s\nRESOURCES=%s\n' "$scheduler" "$threads" "$resources" > /etc/default/pipeline-cluster
cp "$src/deploy/pipeline-worker.service" /etc/systemd/system/
systemctl daemon-reload
systemctl enable pipeline-worker
systemctl restart pipeline-worker  # a running worker keeps the code it loaded
echo "worker started: journalctl -u pipeline-worker; the next 'pipeline run --cluster $scheduler' checks it"
