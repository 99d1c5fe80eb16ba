"""The extractor tests share the helpers of tests/ (registrations_helpers, readers_helpers)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
