package yuelao.storage;
