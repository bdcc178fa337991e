/** Chinese ordinals for numbered bodies and grids (第一党支部, 第二网格). */
export const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
