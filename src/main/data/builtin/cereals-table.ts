/**
 * The 80 Cereals data (the 1993 ASA Statistical Graphics exposition, via StatLib; public data),
 * as the common `cereal.csv` has it: each cereal's name, calories per serving and grams of
 * sugars per serving. 77 cereals, less Quaker Oatmeal, whose sugars are missing (written −1
 * there): 76 rows. Only the columns Neurite uses are kept. A name with a comma is in quotes.
 */
export const CEREALS_CSV = `name,calories,sugars
100% Bran,70,6
100% Natural Bran,120,8
All-Bran,70,5
All-Bran with Extra Fiber,50,0
Almond Delight,110,8
Apple Cinnamon Cheerios,110,10
Apple Jacks,110,14
Basic 4,130,8
Bran Chex,90,6
Bran Flakes,90,5
Cap'n'Crunch,120,12
Cheerios,110,1
Cinnamon Toast Crunch,120,9
Clusters,110,7
Cocoa Puffs,110,13
Corn Chex,110,3
Corn Flakes,100,2
Corn Pops,110,12
Count Chocula,110,13
Cracklin' Oat Bran,110,7
Cream of Wheat (Quick),100,0
Crispix,110,3
Crispy Wheat & Raisins,100,10
Double Chex,100,5
Froot Loops,110,13
Frosted Flakes,110,11
Frosted Mini-Wheats,100,7
"Fruit & Fibre Dates, Walnuts, and Oats",120,10
Fruitful Bran,120,12
Fruity Pebbles,110,12
Golden Crisp,100,15
Golden Grahams,110,9
Grape Nuts Flakes,100,5
Grape-Nuts,110,3
Great Grains Pecan,120,4
Honey Graham Ohs,120,11
Honey Nut Cheerios,110,10
Honey-comb,110,11
Just Right Crunchy Nuggets,110,6
Just Right Fruit & Nut,140,9
Kix,110,3
Life,100,6
Lucky Charms,110,12
Maypo,100,3
"Muesli Raisins, Dates, & Almonds",150,11
"Muesli Raisins, Peaches, & Pecans",150,11
Mueslix Crispy Blend,160,13
Multi-Grain Cheerios,100,6
Nut&Honey Crunch,120,9
Nutri-Grain Almond-Raisin,140,7
Nutri-grain Wheat,90,2
Oatmeal Raisin Crisp,130,10
Post Nat. Raisin Bran,120,14
Product 19,100,3
Puffed Rice,50,0
Puffed Wheat,50,0
Quaker Oat Squares,100,6
Raisin Bran,120,12
Raisin Nut Bran,100,8
Raisin Squares,90,6
Rice Chex,110,2
Rice Krispies,110,3
Shredded Wheat,80,0
Shredded Wheat 'n'Bran,90,0
Shredded Wheat spoon size,90,0
Smacks,110,15
Special K,110,3
Strawberry Fruit Wheats,90,5
Total Corn Flakes,110,3
Total Raisin Bran,140,14
Total Whole Grain,100,3
Triples,110,3
Trix,110,12
Wheat Chex,100,3
Wheaties,100,3
Wheaties Honey Gold,110,8
`;
