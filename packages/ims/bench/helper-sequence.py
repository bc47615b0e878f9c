"""The ims-python-helper's upload_artifacts sequence with boto3, for the benchmark: POST /images,
then per artifact an MD5 pass, upload_file and a HEAD for the ETag, one after another; the
manifest the same way; PATCH /images link. Prints one JSON line: wall seconds, peak RSS, rchar."""
import base64, hashlib, json, os, resource, sys, tempfile, time, urllib.request

import boto3
from botocore.config import Config

cfg = json.loads(sys.argv[1])
start = time.monotonic()

def ims(method, path, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(cfg["imsUrl"] + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read() or b"null")

basic = base64.b64encode(f"{cfg['clientId']}:{cfg['clientSecret']}".encode()).decode()
req = urllib.request.Request(cfg["tokenUrl"], data=b"grant_type=client_credentials", method="POST")
req.add_header("Authorization", "Basic " + basic)
req.add_header("Content-Type", "application/x-www-form-urlencoded")
with urllib.request.urlopen(req) as resp:
    token = json.loads(resp.read())["access_token"]

s3 = boto3.client("s3", endpoint_url=cfg["endpoint"], aws_access_key_id=cfg["accessKeyId"],
                  aws_secret_access_key=cfg["secretAccessKey"], region_name="us-east-1",
                  config=Config(s3={"addressing_style": "path"}))
bucket = cfg["bucket"]

def md5(path):
    h = hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(4096), b""):
            h.update(chunk)
    return h.hexdigest()

image = ims("POST", "/images", {"name": cfg["imageName"]}, token)
artifacts = []
for suffix, mime, path in cfg["artifacts"]:
    digest = md5(path)
    key = f"{image['id']}/{suffix}"
    s3.upload_file(path, bucket, key, ExtraArgs={"Metadata": {"md5sum": digest,
        "x-shasta-ims-image-name": cfg["imageName"], "x-shasta-ims-image-id": image["id"]}})
    etag = s3.head_object(Bucket=bucket, Key=key)["ETag"].strip('"')
    artifacts.append({"link": {"path": f"s3://{bucket}/{key}", "etag": etag, "type": "s3"}, "md5": digest, "type": mime})

manifest = {"version": "1.0", "created": "2026-01-01 00:00:00", "artifacts": artifacts}
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump(manifest, f, sort_keys=True, indent=4)
    manifest_path = f.name
key = f"{image['id']}/manifest.json"
s3.upload_file(manifest_path, bucket, key, ExtraArgs={"Metadata": {"md5sum": md5(manifest_path)}})
etag = s3.head_object(Bucket=bucket, Key=key)["ETag"].strip('"')
os.unlink(manifest_path)
ims("PATCH", f"/images/{image['id']}", {"link": {"path": f"s3://{bucket}/{key}", "etag": etag, "type": "s3"}}, token)

wall = time.monotonic() - start
rchar = int(dict(line.split(": ") for line in open("/proc/self/io").read().splitlines())["rchar"])
print(json.dumps({"wallSeconds": wall, "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "readBytes": rchar}))
