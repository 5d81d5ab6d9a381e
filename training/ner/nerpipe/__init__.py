"""StealthRelay NER training pipeline (pure Python + PyTorch, no transformers/tokenizers packages)."""
