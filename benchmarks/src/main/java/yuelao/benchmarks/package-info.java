package yuelao.benchmarks;
