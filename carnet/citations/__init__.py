"""Citations: an article's paragraphs (passages and their anchors), and every quote of the
notes resolved to the one paragraph that holds its words."""
