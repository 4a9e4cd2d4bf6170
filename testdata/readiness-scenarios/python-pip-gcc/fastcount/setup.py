from setuptools import Extension, setup

setup(
    name="fastcount",
    version="1.0",
    description="Counts a byte in a buffer, in C (a readiness scenario's compiled dependency)",
    ext_modules=[Extension("fastcount", sources=["fastcount.c"])],
)
