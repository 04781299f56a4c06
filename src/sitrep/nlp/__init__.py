"""NLP: language detection, pipeline building, Doc extensions."""
