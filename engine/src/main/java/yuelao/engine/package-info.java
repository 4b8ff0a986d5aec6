package yuelao.engine;
