"""Is an answer right? The checker and the text, number and pinyin rules it uses."""
