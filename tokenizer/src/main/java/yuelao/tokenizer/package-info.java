package yuelao.tokenizer;
